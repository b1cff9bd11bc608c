package org.kith.e2e.dav;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;

/**
 * addressbook-query (RFC 6352 §8.6, §10.5) on a personal book whose cards the test chose:
 * prop-filter and param-filter, text-match with each collation and match type, negation,
 * anyof/allof, is-not-defined, limit, and the preconditions for what is not supported.
 */
class QueryTest extends DavSuite {
    private Person owner;
    private String book;

    @BeforeParameterizedClassInvocation
    void cards() {
        owner = person("query-owner", "Owner");
        book = owner.personalBook();
        put("emile.vcf", VCardText.v3("q-emile", "Émile Zola", "TEL;TYPE=CELL:+33 6 12 34 56 78",
                "EMAIL;TYPE=INTERNET:emile@example.org"));
        put("chen.vcf", VCardText.v3("q-chen", "陈雪松", "TEL;TYPE=WORK:+86 10 6552 9988",
                "TEL;TYPE=CELL:+86 138 0013 8000"));
        put("bob.vcf", VCardText.v3("q-bob", "Bob Brown", "TEL;TYPE=HOME:+1 555 0100", "NICKNAME:bobby"));
        put("zoe.vcf", VCardText.v4("q-zoe", "Zoë Émilie", "TEL;TYPE=\"cell,voice\":+44 7700 900123"));
    }

    private void put(String name, String vcard) {
        owner.dav().putCard(book + name, vcard).expect(201);
    }

    private static String text(String collation, String matchType, String text, boolean negate) {
        return "<C:text-match collation=\"" + collation + "\" match-type=\"" + matchType + "\""
                + (negate ? " negate-condition=\"yes\"" : "") + ">" + Fixtures.esc(text) + "</C:text-match>";
    }

    private static String prop(String name, String test, String... inside) {
        return "<C:prop-filter name=\"" + name + "\" test=\"" + test + "\">" + String.join("", inside) + "</C:prop-filter>";
    }

    private DavResponse query(String version, String test, String... filters) {
        return owner.dav().report(book, 1, Fixtures.read("requests/query-filter.xml",
                Map.of("version", version, "test", test, "filters", String.join("\n    ", filters))));
    }

    /** The FN of every card the query returns, asking for vCard 3.0. */
    private List<String> fns(String test, String... filters) {
        return fnsIn("3.0", test, filters);
    }

    private List<String> fnsIn(String version, String test, String... filters) {
        List<String> out = new ArrayList<>();
        for (Multistatus.Entry e : query(version, test, filters).multistatus().entries()) {
            VCardText card = VCardText.parse(e.text(Ns.CARDDAV, "address-data"));
            assertThat(card.version()).isEqualTo(version);
            out.add(card.first("FN").orElse(""));
        }
        return out;
    }

    private List<String> fnMatching(String collation, String matchType, String needle) {
        return fns("anyof", prop("FN", "anyof", text(collation, matchType, needle, false)));
    }

    @Test
    void unicodeCasemapFoldsEveryScriptAndAsciiCasemapOnlyAscii() {
        assertThat(fnMatching("i;unicode-casemap", "equals", "ÉMILE ZOLA")).containsExactly("Émile Zola");
        assertThat(fnMatching("i;unicode-casemap", "equals", "émile zola")).containsExactly("Émile Zola");
        assertThat(fnMatching("i;unicode-casemap", "contains", "雪")).containsExactly("陈雪松");
        assertThat(fnMatching("i;unicode-casemap", "equals", "陈雪松")).containsExactly("陈雪松");
        assertThat(fnMatching("i;ascii-casemap", "equals", "émile zola")).as("É and é differ outside ASCII").isEmpty();
        assertThat(fnMatching("i;ascii-casemap", "equals", "Émile ZOLA")).containsExactly("Émile Zola");
        assertThat(fnMatching("i;octet", "equals", "émile zola")).isEmpty();
        assertThat(fnMatching("i;octet", "equals", "Émile Zola")).containsExactly("Émile Zola");
    }

    @Test
    void everyMatchTypeAndNegation() {
        assertThat(fnMatching("i;unicode-casemap", "starts-with", "BOB")).containsExactly("Bob Brown");
        assertThat(fnMatching("i;unicode-casemap", "ends-with", "ZOLA")).containsExactly("Émile Zola");
        assertThat(fnMatching("i;unicode-casemap", "contains", "émil")).containsExactlyInAnyOrder("Émile Zola", "Zoë Émilie");
        assertThat(fnMatching("i;unicode-casemap", "equals", "Bob")).as("equals is the whole value").isEmpty();
        assertThat(fns("anyof", prop("FN", "anyof", text("i;unicode-casemap", "contains", "o", true))))
                .as("negate-condition: names without an o").containsExactly("陈雪松");
    }

    @Test
    void paramFiltersMatchTypesOfEitherVersionsSpelling() {
        String cell = prop("TEL", "anyof", "<C:param-filter name=\"TYPE\">"
                + text("i;ascii-casemap", "equals", "cell", false) + "</C:param-filter>");
        assertThat(fns("anyof", cell)).containsExactlyInAnyOrder("Émile Zola", "陈雪松", "Zoë Émilie");
        assertThat(fnsIn("4.0", "anyof", cell)).as("vCard 4 quotes a list of types: TYPE=\"cell,voice\"")
                .containsExactlyInAnyOrder("Émile Zola", "陈雪松", "Zoë Émilie");
        String work = prop("TEL", "anyof", "<C:param-filter name=\"TYPE\">"
                + text("i;ascii-casemap", "equals", "WORK", false) + "</C:param-filter>");
        assertThat(fns("anyof", work)).containsExactly("陈雪松");
        String noParam = prop("TEL", "allof", "<C:param-filter name=\"X-NONE\"><C:is-not-defined/></C:param-filter>",
                text("i;unicode-casemap", "starts-with", "+1", false));
        assertThat(fns("anyof", noParam)).as("a TEL without X-NONE that starts with +1").containsExactly("Bob Brown");
        String typed = prop("TEL", "allof", "<C:param-filter name=\"TYPE\"><C:is-not-defined/></C:param-filter>");
        assertThat(fns("anyof", typed)).as("every TEL has a TYPE").isEmpty();
    }

    @Test
    void anyofAndAllofCombineFiltersAndTextMatches() {
        String nameHasO = prop("FN", "anyof", text("i;unicode-casemap", "contains", "o", false));
        String hasEmail = "<C:prop-filter name=\"EMAIL\"/>";
        assertThat(fns("allof", nameHasO, hasEmail)).containsExactly("Émile Zola");
        assertThat(fns("anyof", prop("FN", "anyof", text("i;unicode-casemap", "starts-with", "bob", false)), hasEmail))
                .containsExactlyInAnyOrder("Bob Brown", "Émile Zola");
        String[] both = {text("i;unicode-casemap", "contains", "zola", false), text("i;unicode-casemap", "contains", "émil", false)};
        assertThat(fns("anyof", prop("FN", "allof", both))).containsExactly("Émile Zola");
        assertThat(fns("anyof", prop("FN", "anyof", both))).containsExactlyInAnyOrder("Émile Zola", "Zoë Émilie");
        assertThat(fns("anyof", "<C:prop-filter name=\"EMAIL\"><C:is-not-defined/></C:prop-filter>"))
                .containsExactlyInAnyOrder("陈雪松", "Bob Brown", "Zoë Émilie");
        assertThat(fns("anyof", prop("NICKNAME", "anyof", text("i;unicode-casemap", "equals", "BOBBY", false))))
                .containsExactly("Bob Brown");
    }

    @Test
    void aLimitCutsTheAnswerWithA507ForTheBook() {
        String body = Fixtures.read("requests/query-limit.xml", Map.of("text", "o", "limit", "2"));
        Multistatus ms = owner.dav().report(book, 1, body).multistatus();
        List<Multistatus.Entry> cards = ms.entries().stream().filter(e -> e.ok(Ns.DAV, "getetag") != null).toList();
        assertThat(cards).as("Émile Zola, Bob Brown and Zoë Émilie match; the limit is 2").hasSize(2);
        Multistatus.Entry cut = ms.entryEndingWith(book);
        assertThat(cut.status()).isEqualTo(507);
        String exact = Fixtures.read("requests/query-limit.xml", Map.of("text", "o", "limit", "3"));
        Multistatus all = owner.dav().report(book, 1, exact).multistatus();
        assertThat(all.entries()).as("exactly at the limit: not cut short").hasSize(3)
                .noneMatch(e -> e.status() == 507);
    }

    @Test
    void anUnsupportedCollationOrMatchTypeIsAPreconditionFailure() {
        DavResponse collation = query("3.0", "anyof", prop("FN", "anyof", text("i;klingon", "contains", "x", false)));
        assertThat(collation.status()).isEqualTo(403);
        assertThat(collation.conditions()).contains(Multistatus.key(Ns.CARDDAV, "supported-collation"));
        DavResponse matchType = query("3.0", "anyof", prop("FN", "anyof", text("i;octet", "sounds-like", "x", false)));
        assertThat(matchType.status()).isEqualTo(403);
        assertThat(matchType.conditions()).contains(Multistatus.key(Ns.CARDDAV, "supported-filter"));
    }
}
