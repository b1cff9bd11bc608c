package org.kith.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code kith card show|set}: my own card, the one every group I am in shows. */
@Command(name = "card", description = "Show or change my card.", subcommands = {CardCommand.Show.class, CardCommand.Set.class})
final class CardCommand {
    @ParentCommand KithCli root;

    @Command(name = "show", description = "Show my card.")
    static final class Show implements Callable<Integer> {
        @ParentCommand CardCommand card;
        @Option(names = "--vcard", description = "print it as vCard 3.0 text") boolean vcard;
        @Option(names = "--json", description = "print the server's JSON") boolean json;

        @Override
        public Integer call() {
            ApiClient api = card.root.api();
            if (vcard) {
                String text = api.send("GET", "/me/card", null, null, Map.of("Accept", "text/vcard")).body();
                card.root.io.out().print(text);
                card.root.io.out().flush();
                return 0;
            }
            var me = api.get("/me/card");
            if (json) {
                card.root.out().json(me);
            } else {
                card.root.out().line(Describe.card(me));
            }
            return 0;
        }
    }

    @Command(name = "set", description = "Change the given fields of my card (the rest stays), or replace it with --file.")
    static final class Set implements Callable<Integer> {
        @ParentCommand CardCommand card;
        @Mixin CardFields fields;
        @Option(names = "--file", paramLabel = "CARD.vcf", description = "replace my card with this vCard (3.0 or 4.0)")
        Path file;

        @Override
        public Integer call() {
            if (file != null && fields.any()) {
                throw CliError.usage("give either --file or fields to change, not both");
            }
            if (file == null && !fields.any()) {
                throw CliError.usage("nothing to change: give --fn, --tel, --email, --org, --title, --note, --photo or --file");
            }
            ApiClient api = card.root.api();
            ApiClient.Response saved;
            if (file != null) {
                saved = api.send("PUT", "/me/card", "text/vcard; charset=utf-8", readVcard(file), Map.of());
            } else {
                // If-Match makes this a compare-and-swap: a change made elsewhere meanwhile gets 412, not lost
                ApiClient.Response current = api.send("GET", "/me/card", null, null, Map.of());
                saved = api.sendJson("PUT", "/me/card", fields.applyTo(current.json()),
                        current.etag() == null ? Map.of() : Map.of("If-Match", current.etag()));
            }
            card.root.out().line(Describe.card(saved.json()));
            return 0;
        }

        private static String readVcard(Path file) {
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw CliError.usage("--file: cannot read " + file + " as UTF-8 text: " + ApiClient.reason(e));
            }
        }
    }
}
