package org.kith.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kith.server.support.Problems.assertProblem;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.kith.server.support.Http;
import org.kith.server.support.JsonFind;
import org.kith.server.support.ServerTest;

/** A group's phonebook, changes since a token, and blocks, over HTTP. */
class PhonebookApiTest extends ServerTest {
    @Test
    void phonebookEntriesCarryJsonAndVcard() {
        Http kim = server.register("kim");
        Http lou = server.register("lou");
        kim.put("/api/v1/me/card", Map.of("fn", "Kim", "tel", List.of(Map.of("type", "cell", "value", "13800138000"))))
                .expect(200);
        String gid = server.group("Pair", kim, "lou");

        JsonNode book = lou.get("/api/v1/groups/" + gid + "/phonebook").expect(200).json();
        assertThat(book.get("syncToken").asText()).isNotBlank();
        assertThat(book.get("cards").findValuesAsText("username")).containsExactlyInAnyOrder("kim", "lou");
        JsonNode kimEntry = JsonFind.byField(book.get("cards"), "username", "kim");
        assertThat(kimEntry.get("managed").asBoolean()).isFalse();
        assertThat(kimEntry.get("displayName").asText()).isEqualTo("Kim");
        assertThat(kimEntry.get("etag").asText()).startsWith("\"");
        assertThat(kimEntry.get("card").get("tel").get(0).get("e164").asText()).isEqualTo("+8613800138000");
        assertThat(kimEntry.get("vcard").asText()).startsWith("BEGIN:VCARD\r\nVERSION:3.0\r\n")
                .contains("UID:" + kimEntry.get("uid").asText());

        JsonNode v4 = lou.get("/api/v1/groups/" + gid + "/phonebook?vcard=4.0").expect(200).json();
        assertThat(v4.get("cards").get(0).get("vcard").asText()).contains("VERSION:4.0");
        assertProblem(lou.get("/api/v1/groups/" + gid + "/phonebook?vcard=2.1"), 422, "vcard");

        Http mia = server.register("mia");
        assertProblem(mia.get("/api/v1/groups/" + gid + "/phonebook"), 404, null);
    }

    @Test
    void changesSinceATokenAndResyncForABadOne() {
        Http ned = server.register("ned");
        Http ora = server.register("ora");
        String gid = server.group("Changes", ned, "ora");
        String token = ora.get("/api/v1/groups/" + gid + "/phonebook").json().get("syncToken").asText();

        JsonNode none = ora.get("/api/v1/groups/" + gid + "/changes?since=" + token).expect(200).json();
        assertThat(none.get("updated")).isEmpty();
        assertThat(none.get("removed")).isEmpty();
        assertThat(none.get("syncToken").asText()).isEqualTo(token);

        ned.put("/api/v1/me/card", Map.of("fn", "Ned New")).expect(200);
        JsonNode changed = ora.get("/api/v1/groups/" + gid + "/changes?since=" + token).expect(200).json();
        assertThat(changed.get("updated").findValuesAsText("fn")).containsExactly("Ned New");
        String token2 = changed.get("syncToken").asText();
        assertThat(token2).isNotEqualTo(token);

        JsonNode entry = ned.post("/api/v1/groups/" + gid + "/entries", Map.of("card", Map.of("fn", "Temp")))
                .expect(201).json();
        ned.delete("/api/v1/groups/" + gid + "/entries/" + entry.get("id").asText()).expect(204);
        JsonNode removed = ora.get("/api/v1/groups/" + gid + "/changes?since=" + token2).expect(200).json();
        assertThat(removed.get("removed").get(0).asText()).isEqualTo(entry.get("uid").asText());

        JsonNode p = assertProblem(ora.get("/api/v1/groups/" + gid + "/changes?since=bogus"), 410, null);
        assertThat(p.get("type").asText()).endsWith("/resync-required");
        assertProblem(ora.get("/api/v1/groups/" + gid + "/changes"), 410, null);
        assertProblem(ora.get("/api/v1/groups/" + gid + "/changes?since=99999999999"), 410, null);
    }

    @Test
    void blocksHideMyCardAndOnlyIShowThem() {
        Http pam = server.register("pam");
        Http quentin = server.register("quentin");
        Http ray = server.register("ray");
        String gid = server.group("Blocky", pam, "quentin");

        assertProblem(pam.put("/api/v1/blocks/ray", null), 404, null); // shares no group with pam
        assertProblem(pam.put("/api/v1/blocks/pam", null), 422, "username");
        pam.put("/api/v1/blocks/QUENTIN", null).expect(204);
        pam.put("/api/v1/blocks/quentin", null).expect(204); // idempotent

        JsonNode blocks = pam.get("/api/v1/blocks").expect(200).json();
        assertThat(blocks).hasSize(1);
        assertThat(blocks.get(0).get("username").asText()).isEqualTo("quentin");
        assertThat(blocks.get(0).get("displayName").asText()).isEqualTo("Quentin");
        assertThat(blocks.get(0).get("createdAt").asText()).isNotBlank();
        assertThat(quentin.get("/api/v1/blocks").json()).isEmpty();
        assertThat(ray.get("/api/v1/blocks").json()).isEmpty();

        assertThat(quentin.get("/api/v1/groups/" + gid + "/phonebook").json().get("cards").findValuesAsText("username"))
                .containsExactly("quentin");
        assertThat(pam.get("/api/v1/groups/" + gid + "/phonebook").json().get("cards").findValuesAsText("username"))
                .containsExactlyInAnyOrder("pam", "quentin");

        pam.delete("/api/v1/blocks/quentin").expect(204);
        assertThat(quentin.get("/api/v1/groups/" + gid + "/phonebook").json().get("cards").findValuesAsText("username"))
                .containsExactlyInAnyOrder("pam", "quentin");
        assertThat(pam.get("/api/v1/blocks").json()).isEmpty();
    }
}
