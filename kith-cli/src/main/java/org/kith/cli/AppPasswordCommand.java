package org.kith.cli;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code kith app-password create|list|revoke}: passwords for phones and other devices. */
@Command(name = "app-password", description = "Passwords for devices (phones, desktop contacts apps).")
final class AppPasswordCommand {
    @ParentCommand KithCli root;

    @Command(name = "create", description = "Create one; it is shown only now.")
    int create(@Parameters(paramLabel = "NAME") String name) {
        JsonNode created = root.api().post("/api/v1/app-passwords", Map.of("name", name));
        root.out.println("app password " + created.path("id").asText() + " for \"" + name + "\": "
                + created.path("password").asText());
        return 0;
    }

    @Command(name = "list", description = "My app passwords.")
    int list() {
        for (JsonNode p : root.api().get("/api/v1/app-passwords")) {
            root.out.println(p.path("id").asText() + "  " + p.path("name").asText() + "  created "
                    + p.path("createdAt").asText() + "  last used "
                    + (p.hasNonNull("lastUsedAt") ? p.get("lastUsedAt").asText() : "never"));
        }
        return 0;
    }

    @Command(name = "revoke", description = "Revoke one; devices using it are signed out.")
    int revoke(@Parameters(paramLabel = "ID") String id) {
        root.api().delete("/api/v1/app-passwords/" + Paths.segment(id));
        root.out.println("revoked app password " + id);
        return 0;
    }
}
