package org.kith.e2e.dav;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.kith.server.support.Http;

/**
 * Sets up accounts and groups through the REST API (docs/REST.md), with names unique per run so
 * test classes can share one server.
 */
final class People {
    static final String PASSWORD = "correct horse battery";
    private static final SecureRandom RANDOM = new SecureRandom();

    private People() {}

    /** Registers {@code prefix-xxxxxx} (prefix up to 20 chars) with the display name as its card's FN. */
    static Person register(String base, String prefix, String displayName) {
        byte[] suffix = new byte[3];
        RANDOM.nextBytes(suffix);
        String username = prefix + "-" + HexFormat.of().formatHex(suffix);
        Http.anonymous(base).post("/api/v1/accounts", Map.of("username", username, "password", PASSWORD,
                "displayName", displayName)).expect(201);
        return new Person(base, username, PASSWORD, displayName);
    }

    /** Creates a group owned by {@code owner}; every one of {@code members} is invited and accepts. */
    static String group(Person owner, String name, String description, Person... members) {
        String gid = owner.api().post("/api/v1/groups", Map.of("name", name, "description", description))
                .expect(201).json().get("id").asText();
        for (Person m : members) {
            join(owner, gid, m);
        }
        return gid;
    }

    /** {@code inviter} invites {@code who} by username and {@code who} accepts. */
    static void join(Person inviter, String gid, Person who) {
        String inv = inviter.api().post("/api/v1/groups/" + gid + "/invitations", Map.of("username", who.username()))
                .expect(201).json().get("id").asText();
        who.api().post("/api/v1/invitations/" + inv + "/accept", Map.of()).expect(200);
    }

    static void block(Person blocker, Person blocked) {
        blocker.api().send("PUT", "/api/v1/blocks/" + blocked.username(), null, null, Map.of()).expect(204);
    }

    static void unblock(Person blocker, Person blocked) {
        blocker.api().delete("/api/v1/blocks/" + blocked.username()).expect(204);
    }

    /** A card JSON with a name and one mobile number. */
    static Map<String, Object> card(String fn, String cell) {
        Map<String, Object> card = new HashMap<>();
        card.put("fn", fn);
        card.put("tel", List.of(Map.of("type", "cell", "value", cell)));
        return card;
    }
}
