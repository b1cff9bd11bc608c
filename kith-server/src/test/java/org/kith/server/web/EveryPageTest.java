package org.kith.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.kith.server.support.Database;
import org.kith.server.support.Databases;
import org.kith.server.support.Http;
import org.kith.server.support.TestServer;

/**
 * Every page the UI has, in a group full of hostile text, in both languages: each one carries the
 * security headers, a token in every form, shows hostile values only as text, and a Chinese page
 * has no English left in it. Run on each database.
 */
@Databases
class EveryPageTest {
    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String IMG = "\"><img src=x onerror=alert(2)>";
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    /** Names that stay as they are in every language. */
    private static final Set<String> NAMES = Set.of("Kith", "English", "iPhone", "iPad", "Mac", "Android", "DAVx5", "UnifiedPush", "ntfy",
            "Thunderbird", "CardDAV", "URL", "JPEG", "PNG", "GIF", "BMP", "MB", "CN", "UTC", "vcf", "mobileconfig",
            "kith", "crawlowner", "crawlmember", "crawlinvitee", "crawlguest",
            "Yealink", "Grandstream", "Cisco", "Snom", "Fanvil", "Gigaset", "LDAP", "Outlook", "XML");

    /** The database of this run (also handed to the method that starts the server). */
    @Parameter
    Database database;
    @TempDir
    static Path dir;
    static TestServer server;
    static String gid;
    static String code;
    static String spentCode;
    static String revokedCode;
    /** Everything typed into the group by its people (hostile or Chinese): not the UI's own text. */
    static final List<String> TYPED = new ArrayList<>();

    @BeforeParameterizedClassInvocation
    static void start(Database database) throws Exception {
        TYPED.clear();
        server = TestServer.start(database, dir.resolve(database.name()));
        Browser owner = new Browser(server.baseUrl(), "en").signUp("crawlowner", typed("王 " + SCRIPT));
        new Browser(server.baseUrl(), "en").signUp("crawlmember", typed("李 " + IMG));
        new Browser(server.baseUrl(), "en").signUp("crawlinvitee", typed("张三"));
        owner.submit("/web/card", "/web/card", "fn", typed("王 " + SCRIPT), "tel.type", "cell", "tel.value", "+86 138 0013 8000",
                "email.type", "home", "email.value", "wang@example.org", "org", typed(IMG), "title", typed("职务 " + SCRIPT),
                "adr.type", "home", "adr.street", typed(SCRIPT), "adr.locality", typed("北京"), "note", typed(IMG + SCRIPT));
        typed("wang@example.org");
        typed("+86 138 0013 8000");
        typed("+8613800138000");
        HttpResponse<String> created = owner.submit("/web/groups", "/web/groups", "name", typed("同学 " + SCRIPT),
                "description", typed("简介 " + IMG), "memberLimit", "20");
        String page = created.headers().firstValue("Location").orElseThrow();
        gid = page.substring(page.lastIndexOf('/') + 1);
        owner.submit(page, page + "/entries", "fn", typed("奶奶 " + SCRIPT), "tel", "+86 139 1234 5678");
        typed("+86 139 1234 5678");
        owner.submit(page, page + "/links", "expiresInHours", "24", "maxUses", "3");
        owner.submit(page, page + "/invite", "username", "crawlinvitee");
        Http ownerApi = server.as("crawlowner");
        code = ownerApi.get("/api/v1/groups/" + gid + "/invitations").expect(200).json().findValuesAsText("code")
                .stream().filter(c -> c != null && !c.equals("null")).findFirst().orElseThrow();
        String inv = ownerApi.post("/api/v1/groups/" + gid + "/invitations", Map.of("username", "crawlmember"))
                .expect(201).text("id");
        server.as("crawlmember").post("/api/v1/invitations/" + inv + "/accept", Map.of()).expect(200);
        ownerApi.put("/api/v1/blocks/crawlmember", Map.of()).expect(204);
        ownerApi.post("/api/v1/app-passwords", Map.of("name", typed("手机 " + SCRIPT))).expect(201);
        // links that can no longer be used: one used up, one withdrawn
        spentCode = ownerApi.post("/api/v1/groups/" + gid + "/invitations", Map.of("maxUses", 1, "expiresInHours", 24))
                .expect(201).text("code");
        server.anonymous().post("/api/v1/accounts", Map.of("username", "crawlguest", "password", TestServer.PASSWORD,
                "displayName", typed("访客"))).expect(201);
        server.as("crawlguest").post("/api/v1/invitations/redeem", Map.of("code", spentCode)).expect(200);
        Http.Reply withdrawn = ownerApi.post("/api/v1/groups/" + gid + "/invitations", Map.of("maxUses", 5)).expect(201);
        revokedCode = withdrawn.text("code");
        ownerApi.delete("/api/v1/groups/" + gid + "/invitations/" + withdrawn.text("id")).expect(204);
        // What the failing forms below type, which their errors repeat.
        for (String value : List.of(SCRIPT, "CrawlOwner", "nope", "abc", "12345")) {
            typed(value);
        }
    }

    private static String typed(String value) {
        TYPED.add(value);
        return value;
    }

    @AfterParameterizedClassInvocation
    static void stop() throws Exception {
        server.close();
    }

    /** Each page, as the person who would see it: signed out, the owner, the member, the invitee. */
    private static Map<String, HttpResponse<String>> allPages(String language) {
        Browser anonymous = new Browser(server.baseUrl(), language);
        Browser owner = signIn("crawlowner", language);
        Browser member = signIn("crawlmember", language);
        Browser invitee = signIn("crawlinvitee", language);
        String g = "/web/groups/" + gid;
        Map<String, HttpResponse<String>> pages = new LinkedHashMap<>();
        pages.put("sign in", anonymous.get("/web/signin"));
        pages.put("sign up", anonymous.get("/web/signup?next=%2Fjoin%2F" + code));
        pages.put("link, signed out", anonymous.get("/join/" + code));
        pages.put("unknown link", anonymous.get("/join/no-such-code"));
        pages.put("used-up link", anonymous.get("/join/" + spentCode));
        pages.put("withdrawn link", anonymous.get("/join/" + revokedCode));
        pages.put("no such page", anonymous.get("/web/nothing-here"));
        pages.put("wrong sign-in", anonymous.post("/web/signin", anonymous.withToken("/web/signin",
                "username", "crawlowner", "password", "wrong-password")));
        pages.put("bad sign-up", anonymous.post("/web/signup", anonymous.withToken("/web/signup",
                "username", "crawlowner", "displayName", "", "password", "short")));
        pages.put("taken username", anonymous.post("/web/signup", anonymous.withToken("/web/signup",
                "username", "CrawlOwner", "displayName", "x", "password", "long enough")));
        pages.put("groups", owner.get("/web/groups"));
        pages.put("group, owner", owner.get(g + "?done=linked"));
        pages.put("group, member", member.get(g));
        pages.put("live part", owner.get(g + "/live"));
        pages.put("delete, confirm", owner.get(g + "/delete"));
        pages.put("card, new", owner.get("/web/card?welcome=1&next=%2Fweb%2Fgroups"));
        pages.put("card, saved", owner.get("/web/card?saved=1"));
        pages.put("invitations", invitee.get("/web/invitations"));
        pages.put("invitations, none", owner.get("/web/invitations"));
        pages.put("link, signed in", invitee.get("/join/" + code));
        pages.put("link, member", member.get("/join/" + code));
        pages.put("blocks", owner.get("/web/blocks?done=blocked"));
        pages.put("blocks, none", member.get("/web/blocks"));
        pages.put("devices", owner.get("/web/devices"));
        pages.put("not my group", invitee.get(g));
        // Forms that failed, each with the error from the services at its field.
        pages.put("bad group", owner.submit("/web/groups", "/web/groups", "name", " ", "memberLimit", "0"));
        pages.put("bad card", owner.submit("/web/card", "/web/card", "fn", "王", "tel.type", "cell", "tel.value", "12345",
                "email.type", "home", "email.value", "nope"));
        pages.put("no photo", owner.submit("/web/card", "/web/card/photo"));
        pages.put("bad invite", owner.submit(g, g + "/invite", "username", SCRIPT));
        pages.put("bad link", owner.submit(g, g + "/links", "expiresInHours", "100000", "maxUses", "abc"));
        pages.put("bad settings", owner.submit(g, g + "/edit", "name", "", "memberLimit", "1"));
        pages.put("bad entry", owner.submit(g, g + "/entries", "fn", "", "tel", "1"));
        pages.put("owner leaves", owner.submit(g, g + "/members/crawlowner/remove"));
        pages.put("already invited", owner.submit(g, g + "/invite", "username", "crawlinvitee"));
        pages.put("bad device", owner.submit("/web/devices", "/web/devices", "name", ""));
        pages.put("no token", owner.post("/web/groups", Map.of("name", "x")));
        return pages;
    }

    private static Browser signIn(String username, String language) {
        Browser b = new Browser(server.baseUrl(), language);
        HttpResponse<String> r = b.post("/web/signin", b.withToken("/web/signin", "username", username,
                "password", TestServer.PASSWORD));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        return b;
    }

    @Test
    void everyPageAnswersWithTheSecurityHeaders() {
        Map<String, HttpResponse<String>> pages = allPages("en");
        Browser owner = signIn("crawlowner", "en");
        pages.put("phonebook", owner.get("/web/groups/" + gid + "/phonebook.vcf"));
        pages.put("stylesheet", owner.get("/web/static/kith.css"));
        pages.put("event stream refused", new Browser(server.baseUrl(), "en").get("/web/events"));
        pages.forEach((name, r) -> {
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(name).contains(CSP);
            assertThat(r.headers().firstValue("X-Frame-Options")).as(name).contains("DENY");
            assertThat(r.headers().firstValue("Referrer-Policy")).as(name).contains("same-origin");
        });
    }

    @Test
    void everyFormOnEveryPageCarriesThisBrowsersToken() {
        Pattern form = Pattern.compile("(?s)<form\\b([^>]*)>(.*?)</form>");
        int forms = 0;
        for (String language : List.of("en", "zh-CN")) {
            for (var e : allPages(language).entrySet()) {
                Matcher m = form.matcher(e.getValue().body());
                while (m.find()) {
                    forms++;
                    assertThat(m.group(1)).as(e.getKey()).contains("method=\"post\"");
                    Matcher token = Pattern.compile("<input type=\"hidden\" name=\"csrf\" value=\"([^\"]+)\">")
                            .matcher(m.group(2));
                    assertThat(token.find()).as(e.getKey() + ": " + m.group(1)).isTrue();
                    assertThat(token.group(1)).hasSize(32);
                }
            }
        }
        assertThat(forms).isGreaterThan(60);
    }

    @Test
    void hostileTextIsShownAsTextEverywhere() {
        Map<String, HttpResponse<String>> pages = allPages("en");
        StringBuilder all = new StringBuilder();
        pages.forEach((name, r) -> {
            assertThat(r.body()).as(name).doesNotContain("<script>alert", "<img src=x", "onerror=alert(2)>");
            all.append(r.body());
        });
        Browser owner = signIn("crawlowner", "en");
        String vcf = owner.get("/web/groups/" + gid + "/phonebook.vcf").body();
        assertThat(vcf).contains("FN:王 <script>alert(1)</script>"); // a vCard is data for address books, not a page
        // Each kind of value did reach a page, escaped.
        assertThat(all).contains("王 &lt;script&gt;alert(1)&lt;/script&gt;", "李 &quot;&gt;&lt;img src=x onerror=alert(2)&gt;",
                "同学 &lt;script&gt;", "简介 &quot;&gt;&lt;img", "奶奶 &lt;script&gt;", "手机 &lt;script&gt;",
                "职务 &lt;script&gt;", "There is no user named &quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot;.");
    }

    @Test
    void chinesePagesHaveNoEnglishLeft() {
        Map<String, Set<String>> english = new LinkedHashMap<>();
        allPages("zh-CN").forEach((name, r) -> {
            if (!name.equals("live part")) { // a fragment for inside the page
                assertThat(r.body()).as(name).contains("<html lang=\"zh-CN\">");
            }
            Set<String> words = englishWords(r.body());
            if (!words.isEmpty()) {
                english.put(name, words);
            }
        });
        assertThat(english).isEmpty();
    }

    /**
     * A text missing from both languages shows as its key (Texts falls back to it), one missing
     * in Chinese as English: no page in either language shows anything shaped like a key.
     */
    @Test
    void noPageShowsARawTextKey() {
        Map<String, Set<String>> keys = new LinkedHashMap<>();
        for (String language : List.of("en", "zh-CN")) {
            allPages(language).forEach((name, r) -> {
                Set<String> found = new TreeSet<>();
                for (String text : readable(r.body())) {
                    Matcher k = Pattern.compile("\\b[a-z][a-zA-Z0-9]*(?:\\.[a-zA-Z][a-zA-Z0-9]*)+\\b").matcher(text);
                    while (k.find()) {
                        found.add(k.group());
                    }
                }
                if (!found.isEmpty()) {
                    keys.put(language + " " + name, found);
                }
            });
        }
        assertThat(keys).isEmpty();
    }

    /** What a reader sees or hears on the page (text and the attributes read out), without what people typed. */
    private static List<String> readable(String html) {
        String s = html.replaceAll("(?s)<(pre|code|script|style)\\b.*?</\\1>", " ");
        List<String> texts = new ArrayList<>();
        Matcher a = Pattern.compile("\\s(?:aria-label|placeholder|title|alt|data-msg-[a-z]+)=\"([^\"]*)\"").matcher(s);
        while (a.find()) {
            texts.add(a.group(1));
        }
        texts.add(s.replaceAll("(?s)<[^>]*>", " "));
        List<String> out = new ArrayList<>();
        for (String t : texts) {
            String text = t.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                    .replace("&amp;", "&");
            for (String value : TYPED) {
                text = text.replace(value, " ");
            }
            out.add(text);
        }
        return out;
    }

    /** Latin-letter words a reader sees or hears on the page, other than names and what people typed. */
    private static Set<String> englishWords(String html) {
        Set<String> words = new TreeSet<>();
        for (String text : readable(html)) {
            Matcher w = Pattern.compile("[A-Za-z][A-Za-z0-9'-]*").matcher(text);
            while (w.find()) {
                if (!NAMES.contains(w.group())) {
                    words.add(w.group());
                }
            }
        }
        return words;
    }
}
