package org.kith.e2e.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kith.e2e.desk.DeskPhones.curl;
import static org.kith.e2e.desk.DeskPhones.ldapsearch;
import static org.kith.e2e.desk.DeskPhones.ldif;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kith.server.support.Http;
import org.kith.server.support.TestServer;
import org.kith.store.TestPostgres;

/**
 * The privacy rule on desk phones, on SQLite and PostgreSQL: when Ann blocks Ben, Ben's XML
 * phonebooks (every format), LDAP searches and caller-ID lookups know nothing of Ann, while
 * everyone else still sees her; unblocking brings her back. A token of someone outside a group
 * sees nothing of it.
 */
class DeskPhonePrivacyTest {
    static final String PW = TestServer.PASSWORD;
    static final String ANNS_NUMBER = "13800138000";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aBlockerVanishesFromTheBlockedMembersDeskPhones(String database) throws Exception {
        Path dir = Files.createTempDirectory("kith-desk-privacy");
        TestPostgres pg = database.equals("postgresql") ? TestPostgres.createDatabase() : null;
        int port = DeskPhones.freePort();
        List<String> flags = new ArrayList<>(List.of("--ldap-port", Integer.toString(port)));
        if (pg != null) {
            flags.addAll(List.of("--db", pg.url()));
        }
        try (TestServer server = TestServer.start(dir, flags.toArray(String[]::new))) {
            Http ann = server.register("ann");
            Http ben = server.register("ben");
            Http cai = server.register("cai");
            Http dan = server.register("dan");
            ann.put("/api/v1/me/card", Map.of("fn", "Ann Lee", "n", Map.of("family", "Lee", "given", "Ann"),
                    "tel", List.of(Map.of("type", "cell", "value", ANNS_NUMBER)))).expect(200);
            cai.put("/api/v1/me/card", Map.of("fn", "Cai Wu", "tel", List.of(Map.of("type", "work",
                    "value", "010 6552 9988")))).expect(200);
            String group = server.group("Choir", ann, "ben", "cai");
            JsonNode bens = DeskPhones.token(ben, "ben's desk");
            JsonNode cais = DeskPhones.token(cai, "cai's desk");

            assertSees(server, port, bens, "ben", true);
            ann.put("/api/v1/blocks/ben", null).expect(204);
            assertSees(server, port, bens, "ben", false);
            assertSees(server, port, cais, "cai", true); // only Ben is blocked
            ann.delete("/api/v1/blocks/ben").expect(204);
            assertSees(server, port, bens, "ben", true);

            // Dan is in no group with them: his token sees no group, his LDAP tree has none.
            JsonNode dans = DeskPhones.token(dan, "dan's desk");
            assertThat(curl(dans.get("urls").get("yealink").asText() + "?group=" + group).status()).isEqualTo(404);
            assertThat(curl(dans.get("urls").get("yealink").asText()).body()).doesNotContain("Ann", "Cai");
            assertThat(ldapsearch(port, "dan", PW, "ou=dan,ou=phonebooks,o=kith", "(objectClass=*)", "dn"))
                    .doesNotContain("ou=" + group + ",");
            assertThat(ldapsearch(port, "dan", dans.get("token").asText(), "ou=dan,ou=phonebooks,o=kith",
                    "(mobile=" + ANNS_NUMBER + ")")).isBlank();
        } finally {
            if (pg != null) {
                pg.close();
            }
        }
    }

    /** Whether Ann is in every desk-phone view of {@code viewer}: each XML format, a name search, caller-ID. */
    private static void assertSees(TestServer server, int port, JsonNode token, String viewer, boolean sees)
            throws Exception {
        for (var url : (Iterable<Map.Entry<String, JsonNode>>) token.get("urls")::fields) {
            String body = curl(url.getValue().asText()).body();
            String cisco = url.getKey().equals("cisco") ? curl(url.getValue().asText() + "?q=ann").body() : body;
            String gigaset = url.getKey().equals("gigaset")
                    ? curl(url.getValue().asText() + "?command=get_list&type=pb&hm=" + ANNS_NUMBER).body() : body;
            for (String b : List.of(body, cisco, gigaset)) {
                if (sees) {
                    assertThat(b).as(viewer + " " + url.getKey()).contains("Ann");
                } else {
                    assertThat(b).as(viewer + " " + url.getKey()).doesNotContain("Ann", ANNS_NUMBER);
                }
            }
        }
        String base = "ou=" + viewer + ",ou=phonebooks,o=kith";
        String byName = ldapsearch(port, viewer, PW, base, "(|(cn=Ann*)(mail=Ann*)(sn=Ann*))", "cn");
        String callerId = ldapsearch(port, viewer, token.get("token").asText(), base,
                "(|(telephoneNumber=+86 138 0013 8000)(mobile=+86 138 0013 8000))", "cn");
        String everything = ldapsearch(port, viewer, PW, base, "(objectClass=*)");
        if (sees) {
            assertThat(ldif(byName, "cn")).containsExactly("Ann Lee");
            assertThat(ldif(callerId, "cn")).containsExactly("Ann Lee");
            assertThat(everything).contains("Ann Lee");
        } else {
            assertThat(byName).isBlank();
            assertThat(callerId).isBlank();
            assertThat(everything).doesNotContain("Ann", ANNS_NUMBER).contains("Cai Wu");
        }
    }
}
