package org.kith.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code kith app-password create|list|revoke}: one password per device, revocable on its own. */
@Command(name = "app-password", description = "Passwords for devices (phones, contacts apps, scripts).",
        subcommands = {AppPasswordCommand.Create.class, AppPasswordCommand.Ls.class, AppPasswordCommand.Revoke.class})
final class AppPasswordCommand {
    @ParentCommand KithCli root;

    @Command(name = "create", description = "Create one; the password is shown only this once.")
    static final class Create implements Callable<Integer> {
        @ParentCommand AppPasswordCommand parent;
        @Parameters(paramLabel = "NAME", description = "which device it is for, e.g. \"Alice's phone\"") String name;

        @Override
        public Integer call() {
            JsonNode created = parent.root.api().post("/app-passwords", Map.of("name", name));
            Out out = parent.root.out();
            out.line("app password " + created.path("id").asText() + " for \"" + created.path("name").asText(name) + "\":");
            out.line(created.path("password").asText());
            out.line("it is shown only now; revoke it with 'kith app-password revoke " + created.path("id").asText() + "'");
            return 0;
        }
    }

    @Command(name = "list", description = "My app passwords.")
    static final class Ls implements Callable<Integer> {
        @ParentCommand AppPasswordCommand parent;
        @Option(names = "--json", description = "print the server's JSON") boolean json;

        @Override
        public Integer call() {
            JsonNode list = parent.root.api().get("/app-passwords");
            if (json) {
                parent.root.out().json(list);
                return 0;
            }
            List<List<String>> rows = new ArrayList<>();
            for (JsonNode p : list) {
                rows.add(List.of(p.path("id").asText(), p.path("createdAt").asText(),
                        Json.text(p, "lastUsedAt") == null ? "never" : p.get("lastUsedAt").asText(), p.path("name").asText()));
            }
            parent.root.out().table(List.of("ID", "CREATED", "LAST USED", "NAME"), rows);
            return 0;
        }
    }

    @Command(name = "revoke", description = "Revoke one; the device using it can no longer sign in.")
    static final class Revoke implements Callable<Integer> {
        @ParentCommand AppPasswordCommand parent;
        @Parameters(paramLabel = "ID") String id;

        @Override
        public Integer call() {
            parent.root.api().delete("/app-passwords/" + UrlPaths.segment(id));
            parent.root.out().line("revoked app password " + id);
            return 0;
        }
    }
}
