package org.kith.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kith.server.support.Problems.assertProblem;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.kith.server.support.Http;
import org.kith.server.support.ServerTest;

/** Groups, members, ownership and managed entries over HTTP. */
class GroupsApiTest extends ServerTest {
    @Test
    void createListGetPatchDelete() {
        Http olga = server.register("olga");
        Http pete = server.register("pete");
        JsonNode g = olga.post("/api/v1/groups", Map.of("name", "大学同学", "description", "Class of 2010",
                "memberLimit", 50)).expect(201).json();
        String id = g.get("id").asText();
        assertThat(g.get("name").asText()).isEqualTo("大学同学");
        assertThat(g.get("memberLimit").asInt()).isEqualTo(50);
        assertThat(g.get("memberCount").asInt()).isEqualTo(1);
        assertThat(g.get("owner").asText()).isEqualTo("olga");
        assertThat(g.get("role").asText()).isEqualTo("owner");
        assertThat(g.get("membersMayInvite").asBoolean()).isTrue();
        assertThat(g.get("createdAt").asText()).isNotBlank();

        assertThat(olga.get("/api/v1/groups").expect(200).json().findValuesAsText("id")).containsExactly(id);
        assertThat(olga.get("/api/v1/groups/" + id).expect(200).text("description")).isEqualTo("Class of 2010");
        // a non-member learns nothing, not even that the group exists
        assertProblem(pete.get("/api/v1/groups/" + id), 404, null);
        assertProblem(pete.patch("/api/v1/groups/" + id, Map.of("name", "Mine")), 404, null);
        assertThat(pete.get("/api/v1/groups").json()).isEmpty();

        JsonNode patched = olga.patch("/api/v1/groups/" + id, Map.of("name", "Class", "membersMayInvite", false))
                .expect(200).json();
        assertThat(patched.get("name").asText()).isEqualTo("Class");
        assertThat(patched.get("description").asText()).isEqualTo("Class of 2010");
        assertThat(patched.get("membersMayInvite").asBoolean()).isFalse();
        assertProblem(olga.patch("/api/v1/groups/" + id, Map.of("memberLimit", 0)), 422, "memberLimit");
        assertProblem(olga.patch("/api/v1/groups/" + id, Map.of("memberLimit", "ten")), 422, "memberLimit");

        String joined = server.group("Other", olga, "pete");
        assertProblem(pete.patch("/api/v1/groups/" + joined, Map.of("name", "Not yours")), 403, null);
        assertProblem(pete.delete("/api/v1/groups/" + joined), 403, null);

        olga.delete("/api/v1/groups/" + id).expect(204);
        assertProblem(olga.get("/api/v1/groups/" + id), 404, null);
        assertProblem(olga.get("/api/v1/groups/not-a-number"), 404, null);
        assertProblem(olga.get("/api/v1/groups/99999999999999999999999"), 404, null);
    }

    @Test
    void membersRemovalLeavingAndTransfer() {
        Http quinn = server.register("quinn");
        Http rosa = server.register("rosa");
        Http sam = server.register("sam");
        String id = server.group("Club", quinn, "rosa", "sam");

        JsonNode members = rosa.get("/api/v1/groups/" + id + "/members").expect(200).json();
        assertThat(members.findValuesAsText("username")).containsExactlyInAnyOrder("quinn", "rosa", "sam");
        for (JsonNode m : members) {
            assertThat(m.get("role").asText()).isEqualTo(m.get("username").asText().equals("quinn") ? "owner" : "member");
            assertThat(m.get("joinedAt").asText()).isNotBlank();
            assertThat(m.get("displayName").asText()).isNotBlank();
        }

        assertProblem(rosa.delete("/api/v1/groups/" + id + "/members/sam"), 403, null);
        assertProblem(quinn.delete("/api/v1/groups/" + id + "/members/quinn"), 409, null); // transfer first
        quinn.delete("/api/v1/groups/" + id + "/members/SAM").expect(204);
        assertProblem(sam.get("/api/v1/groups/" + id), 404, null);
        assertProblem(quinn.delete("/api/v1/groups/" + id + "/members/sam"), 404, null);

        assertProblem(quinn.post("/api/v1/groups/" + id + "/owner", Map.of("username", "sam")), 422, "username");
        assertProblem(quinn.post("/api/v1/groups/" + id + "/owner", Map.of()), 422, "username");
        JsonNode g = quinn.post("/api/v1/groups/" + id + "/owner", Map.of("username", "rosa")).expect(200).json();
        assertThat(g.get("owner").asText()).isEqualTo("rosa");
        assertThat(g.get("role").asText()).isEqualTo("member");

        quinn.delete("/api/v1/groups/" + id + "/members/quinn").expect(204); // now a plain member may leave
        assertThat(rosa.get("/api/v1/groups/" + id).json().get("memberCount").asInt()).isEqualTo(1);
        rosa.delete("/api/v1/groups/" + id + "/members/rosa").expect(204); // the sole member leaving deletes it
        assertProblem(rosa.get("/api/v1/groups/" + id), 404, null);
    }

    @Test
    void managedEntries() {
        Http tara = server.register("tara");
        Http uma = server.register("uma");
        server.register("vic");
        String id = server.group("Family", tara, "uma");

        JsonNode entry = tara.post("/api/v1/groups/" + id + "/entries", Map.of("card", Map.of("fn", "Grandma",
                "tel", List.of(Map.of("type", "home", "value", "010 1234 5678"))))).expect(201).json();
        String entryId = entry.get("id").asText();
        assertThat(entry.get("uid").asText()).isNotBlank();
        assertThat(entry.get("card").get("tel").get(0).get("e164").asText()).isEqualTo("+861012345678");
        assertThat(entry.get("invitationId").isNull()).isTrue();

        assertThat(uma.get("/api/v1/groups/" + id + "/entries").expect(200).json().findValuesAsText("id"))
                .containsExactly(entryId);
        JsonNode book = uma.get("/api/v1/groups/" + id + "/phonebook").expect(200).json();
        assertThat(book.get("cards").findValuesAsText("uid")).contains(entry.get("uid").asText());

        assertProblem(uma.post("/api/v1/groups/" + id + "/entries", Map.of("card", Map.of("fn", "Mine"))), 403, null);
        assertProblem(tara.post("/api/v1/groups/" + id + "/entries", Map.of("card", Map.of("fn", "X",
                "tel", List.of(Map.of("type", "cell", "value", "12"))))), 422, "card.tel[0].value");
        assertProblem(tara.post("/api/v1/groups/" + id + "/entries", Map.of()), 422, "card");
        assertProblem(tara.post("/api/v1/groups/" + id + "/entries", Map.of("card", Map.of("fn", "X"),
                "inviteUsername", "nobody-by-that-name")), 422, "inviteUsername");

        JsonNode updated = tara.put("/api/v1/groups/" + id + "/entries/" + entryId, Map.of("card",
                Map.of("fn", "Grandma Li"))).expect(200).json();
        assertThat(updated.get("card").get("fn").asText()).isEqualTo("Grandma Li");
        assertThat(updated.get("uid").asText()).isEqualTo(entry.get("uid").asText());

        JsonNode invited = tara.post("/api/v1/groups/" + id + "/entries", Map.of("card", Map.of("fn", "Vic"),
                "inviteUsername", "vic")).expect(201).json();
        assertThat(invited.get("invitationId").asText()).isNotBlank();

        tara.delete("/api/v1/groups/" + id + "/entries/" + entryId).expect(204);
        assertProblem(tara.delete("/api/v1/groups/" + id + "/entries/" + entryId), 404, null);
        assertProblem(tara.put("/api/v1/groups/" + id + "/entries/x", Map.of("card", Map.of("fn", "X"))), 404, null);
        assertThat(uma.get("/api/v1/groups/" + id + "/entries").json().findValuesAsText("id"))
                .containsExactly(invited.get("id").asText());
    }
}
