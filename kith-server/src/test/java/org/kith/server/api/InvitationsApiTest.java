package org.kith.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kith.server.support.Problems.assertProblem;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.kith.server.support.Http;
import org.kith.server.support.ServerTest;

/** Invitations by username and by link: accept, decline, redeem, revoke, expiry and use limits. */
class InvitationsApiTest extends ServerTest {
    @Test
    void byUsernameAcceptAndDecline() {
        Http amy = server.register("amy");
        Http ben = server.register("ben");
        Http cat = server.register("cat");
        String gid = amy.post("/api/v1/groups", Map.of("name", "Team")).expect(201).text("id");

        JsonNode inv = amy.post("/api/v1/groups/" + gid + "/invitations", Map.of("username", "BEN")).expect(201).json();
        assertThat(inv.get("groupId").asText()).isEqualTo(gid);
        assertThat(inv.get("groupName").asText()).isEqualTo("Team");
        assertThat(inv.get("inviter").asText()).isEqualTo("amy");
        assertThat(inv.get("username").asText()).isEqualTo("ben");
        assertThat(inv.get("code").isNull()).isTrue();
        assertThat(inv.get("url").isNull()).isTrue();
        assertThat(inv.get("status").asText()).isEqualTo("pending");
        assertProblem(amy.post("/api/v1/groups/" + gid + "/invitations", Map.of("username", "ben")), 409, "username");
        assertProblem(amy.post("/api/v1/groups/" + gid + "/invitations", Map.of("username", "nobody")), 422, "username");

        String invId = inv.get("id").asText();
        assertThat(ben.get("/api/v1/invitations").expect(200).json().findValuesAsText("id")).containsExactly(invId);
        assertThat(amy.get("/api/v1/groups/" + gid + "/invitations").expect(200).json().findValuesAsText("id"))
                .containsExactly(invId);
        assertProblem(cat.post("/api/v1/invitations/" + invId + "/accept", Map.of()), 404, null);
        assertProblem(cat.get("/api/v1/groups/" + gid + "/invitations"), 404, null);

        JsonNode group = ben.post("/api/v1/invitations/" + invId + "/accept", null).expect(200).json();
        assertThat(group.get("id").asText()).isEqualTo(gid);
        assertThat(group.get("role").asText()).isEqualTo("member");
        assertThat(group.get("memberCount").asInt()).isEqualTo(2);
        assertThat(ben.get("/api/v1/invitations").json()).isEmpty();
        assertProblem(ben.post("/api/v1/invitations/" + invId + "/accept", null), 410, null);

        String toCat = ben.post("/api/v1/groups/" + gid + "/invitations", Map.of("username", "cat")).expect(201).text("id");
        cat.post("/api/v1/invitations/" + toCat + "/decline", null).expect(204);
        assertThat(cat.get("/api/v1/invitations").json()).isEmpty();
        assertProblem(cat.post("/api/v1/invitations/" + toCat + "/accept", null), 410, null);
        assertProblem(cat.get("/api/v1/groups/" + gid), 404, null);
        assertProblem(cat.post("/api/v1/invitations/abc/accept", null), 404, null);
    }

    @Test
    void linksRedeemRevokeUseUpAndExpire() {
        Http dan = server.register("dan");
        Http eve = server.register("eve");
        Http fay = server.register("fay");
        Http gus = server.register("gus");
        String gid = dan.post("/api/v1/groups", Map.of("name", "Neighbours")).expect(201).text("id");

        JsonNode link = dan.post("/api/v1/groups/" + gid + "/invitations", Map.of("maxUses", 1, "expiresInHours", 2))
                .expect(201).json();
        String code = link.get("code").asText();
        assertThat(link.get("url").asText()).isEqualTo(server.baseUrl() + "/join/" + code);
        assertThat(link.get("maxUses").asInt()).isEqualTo(1);
        assertThat(link.get("uses").asInt()).isZero();
        assertThat(link.get("username").isNull()).isTrue();
        assertThat(link.get("expiresAt").asText()).isNotBlank();

        assertThat(eve.post("/api/v1/invitations/redeem", Map.of("code", code)).expect(200).text("id")).isEqualTo(gid);
        assertProblem(fay.post("/api/v1/invitations/redeem", Map.of("code", code)), 410, null); // used up
        assertProblem(fay.post("/api/v1/invitations/redeem", Map.of("code", "no-such-code")), 404, "code");
        assertProblem(fay.post("/api/v1/invitations/redeem", Map.of()), 422, "code");

        String revokedCode = dan.post("/api/v1/groups/" + gid + "/invitations", Map.of("maxUses", 5)).expect(201)
                .text("code");
        String revokedId = dan.get("/api/v1/groups/" + gid + "/invitations").json().findValuesAsText("id").get(0);
        assertProblem(fay.delete("/api/v1/groups/" + gid + "/invitations/" + revokedId), 404, null); // not a member
        dan.delete("/api/v1/groups/" + gid + "/invitations/" + revokedId).expect(204);
        assertProblem(fay.post("/api/v1/invitations/redeem", Map.of("code", revokedCode)), 410, null);

        String soon = dan.post("/api/v1/groups/" + gid + "/invitations", Map.of("expiresInHours", 1)).expect(201)
                .text("code");
        server.clock().advance(Duration.ofHours(2));
        assertProblem(gus.post("/api/v1/invitations/redeem", Map.of("code", soon)), 410, null);
        assertProblem(gus.get("/api/v1/groups/" + gid), 404, null);
        assertProblem(dan.post("/api/v1/groups/" + gid + "/invitations", Map.of("maxUses", 0)), 422, "maxUses");
        assertProblem(dan.post("/api/v1/groups/" + gid + "/invitations", Map.of("entryId", "x1")), 422, "entryId");
    }

    @Test
    void onlyOwnersInviteWhenTheGroupSaysSo() {
        Http hal = server.register("hal");
        Http ida = server.register("ida");
        server.register("jon");
        String gid = server.group("Quiet", hal, "ida");
        hal.patch("/api/v1/groups/" + gid, Map.of("membersMayInvite", false)).expect(200);
        assertProblem(ida.post("/api/v1/groups/" + gid + "/invitations", Map.of("username", "jon")), 403, null);
        hal.post("/api/v1/groups/" + gid + "/invitations", Map.of("username", "jon")).expect(201);
    }
}
