package org.kith.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code kith card show|set}: my own card. */
@Command(name = "card", description = "Show or change my card.", subcommands = {CardCommand.Show.class, CardCommand.Set.class})
final class CardCommand {
    @ParentCommand KithCli root;

    @Command(name = "show", description = "Show my card.")
    static final class Show implements Callable<Integer> {
        @ParentCommand CardCommand parent;
        @Option(names = "--vcard", description = "print it as vCard") boolean vcard;
        @Option(names = "--json", description = "print the JSON") boolean json;

        @Override
        public Integer call() {
            ApiClient api = parent.root.api();
            if (vcard) {
                parent.root.out.print(api.call("GET", "/api/v1/me/card", null, null, Map.of("Accept", "text/vcard")).body());
                parent.root.out.flush();
                return 0;
            }
            JsonNode card = api.get("/api/v1/me/card");
            parent.root.out.println(json ? card.toPrettyString() : CardOptions.describe(card));
            return 0;
        }
    }

    @Command(name = "set", description = "Change fields of my card (others are kept), or replace it with --file.")
    static final class Set implements Callable<Integer> {
        @ParentCommand CardCommand parent;
        @Mixin CardOptions fields;
        @Option(names = "--file", description = "a vCard file to replace my card with") Path file;

        @Override
        public Integer call() throws IOException {
            ApiClient api = parent.root.api();
            if (file != null) {
                api.call("PUT", "/api/v1/me/card", "text/vcard; charset=utf-8", Files.readString(file), Map.of());
            } else {
                ApiClient.Reply current = api.call("GET", "/api/v1/me/card", null, null, Map.of());
                String body = ApiClient.write(fields.applyTo(current.json()));
                api.call("PUT", "/api/v1/me/card", "application/json", body,
                        current.etag() == null ? Map.of() : Map.of("If-Match", current.etag()));
            }
            parent.root.out.println(CardOptions.describe(api.get("/api/v1/me/card")));
            return 0;
        }
    }
}
