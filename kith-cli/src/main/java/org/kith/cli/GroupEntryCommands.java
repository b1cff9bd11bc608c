package org.kith.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code kith group entries|entry-add|entry-update|entry-delete}: cards an owner keeps for people
 * who are not members (yet).
 */
final class GroupEntryCommands {
    private GroupEntryCommands() {}

    @Command(name = "entries", description = "A group's managed entries.")
    static final class Entries implements Callable<Integer> {
        @ParentCommand GroupCommand group;
        @Parameters(paramLabel = "ID") String id;
        @Option(names = "--json", description = "print the server's JSON") boolean json;

        @Override
        public Integer call() {
            JsonNode list = group.root.api().get(UrlPaths.group(id, "entries"));
            Out out = group.root.out();
            if (json) {
                out.json(list);
            } else if (list.isEmpty()) {
                out.line("no managed entries in group " + id);
            } else {
                for (JsonNode e : list) {
                    out.line("entry " + e.path("id").asText() + " (uid " + e.path("uid").asText() + ")"
                            + (Json.text(e, "invitationId") != null ? ", invitation " + e.get("invitationId").asText() : ""));
                    out.line(Describe.card(e.path("card")).indent(2).stripTrailing());
                }
            }
            return 0;
        }
    }

    @Command(name = "entry-add", description = "Add a card for someone who is not a member (owner only).")
    static final class Add implements Callable<Integer> {
        @ParentCommand GroupCommand group;
        @Parameters(paramLabel = "ID") String id;
        @Mixin CardFields fields;
        @Option(names = "--invite", paramLabel = "USERNAME",
                description = "also invite this user; when they join, their own card takes the entry's place")
        String invite;

        @Override
        public Integer call() {
            if (fields.fn == null) {
                throw CliError.usage("a managed entry needs --fn");
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("card", fields.applyTo(null));
            if (invite != null) {
                body.put("inviteUsername", invite);
            }
            JsonNode entry = group.root.api().post(UrlPaths.group(id, "entries"), body);
            group.root.out().line("added entry " + entry.path("id").asText() + " (uid " + entry.path("uid").asText() + ")"
                    + (Json.text(entry, "invitationId") != null ? " and invited " + invite + " (invitation "
                    + entry.get("invitationId").asText() + ")" : ""));
            return 0;
        }
    }

    @Command(name = "entry-update", description = "Change fields of a managed entry (owner only).")
    static final class Update implements Callable<Integer> {
        @ParentCommand GroupCommand group;
        @Parameters(index = "0", paramLabel = "ID") String id;
        @Parameters(index = "1", paramLabel = "ENTRYID") String entryId;
        @Mixin CardFields fields;

        @Override
        public Integer call() {
            if (!fields.any()) {
                throw CliError.usage("nothing to change: give --fn, --tel, --email, --org, --title, --note or --photo");
            }
            ApiClient api = group.root.api();
            // there is no GET for one entry, so find it in the list to keep the fields not given
            JsonNode current = null;
            for (JsonNode e : api.get(UrlPaths.group(id, "entries"))) {
                if (e.path("id").asText().equals(entryId)) {
                    current = e.path("card");
                }
            }
            if (current == null) {
                throw CliError.failed("group " + id + " has no managed entry " + entryId);
            }
            JsonNode saved = api.put(UrlPaths.group(id, "entries", UrlPaths.segment(entryId)),
                    Map.of("card", fields.applyTo(current)));
            group.root.out().line("updated entry " + entryId);
            group.root.out().line(Describe.card(saved.path("card")).indent(2).stripTrailing());
            return 0;
        }
    }

    @Command(name = "entry-delete", description = "Delete a managed entry (owner only).")
    static final class Delete implements Callable<Integer> {
        @ParentCommand GroupCommand group;
        @Parameters(index = "0", paramLabel = "ID") String id;
        @Parameters(index = "1", paramLabel = "ENTRYID") String entryId;

        @Override
        public Integer call() {
            group.root.api().delete(UrlPaths.group(id, "entries", UrlPaths.segment(entryId)));
            group.root.out().line("deleted entry " + entryId);
            return 0;
        }
    }
}
