package org.kith.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code kith group …}: groups and their members. Invitations and managed entries of a group are
 * in {@link GroupInviteCommands} and {@link GroupEntryCommands}.
 */
@Command(name = "group", description = "Create and manage groups.",
        subcommands = {GroupCommand.Create.class, GroupCommand.Ls.class, GroupCommand.Show.class,
                GroupCommand.Edit.class, GroupCommand.Delete.class, GroupCommand.Leave.class,
                GroupCommand.Remove.class, GroupCommand.Transfer.class,
                GroupInviteCommands.Invite.class, GroupInviteCommands.Pending.class, GroupInviteCommands.Revoke.class,
                GroupEntryCommands.Entries.class, GroupEntryCommands.Add.class, GroupEntryCommands.Update.class,
                GroupEntryCommands.Delete.class})
final class GroupCommand {
    @ParentCommand KithCli root;

    @Command(name = "create", description = "Create a group; you become its owner.")
    static final class Create implements Callable<Integer> {
        @ParentCommand GroupCommand group;
        @Parameters(paramLabel = "NAME") String name;
        @Option(names = "--description", paramLabel = "TEXT") String description;
        @Option(names = "--limit", paramLabel = "N", description = "the most members it may have") Integer limit;

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", name);
            if (description != null) {
                body.put("description", description);
            }
            if (limit != null) {
                body.put("memberLimit", limit);
            }
            JsonNode created = group.root.api().post("/groups", body);
            group.root.out().line("created " + Describe.group(created));
            return 0;
        }
    }

    @Command(name = "list", description = "The groups I am a member of.")
    static final class Ls implements Callable<Integer> {
        @ParentCommand GroupCommand group;
        @Option(names = "--json", description = "print the server's JSON") boolean json;

        @Override
        public Integer call() {
            JsonNode groups = group.root.api().get("/groups");
            if (json) {
                group.root.out().json(groups);
                return 0;
            }
            if (groups.isEmpty()) {
                group.root.out().line("no groups yet: 'kith group create NAME', or accept an invitation");
                return 0;
            }
            List<List<String>> rows = new ArrayList<>();
            for (JsonNode g : groups) {
                rows.add(List.of(g.path("id").asText(), Describe.limit(g), g.path("role").asText(), g.path("name").asText()));
            }
            group.root.out().table(List.of("ID", "MEMBERS", "ROLE", "NAME"), rows);
            return 0;
        }
    }

    @Command(name = "show", description = "A group and its members.")
    static final class Show implements Callable<Integer> {
        @ParentCommand GroupCommand group;
        @Parameters(paramLabel = "ID") String id;
        @Option(names = "--json", description = "print {\"group\":…, \"members\":[…]}") boolean json;

        @Override
        public Integer call() {
            ApiClient api = group.root.api();
            JsonNode g = api.get(UrlPaths.group(id));
            JsonNode members = api.get(UrlPaths.group(id, "members"));
            Out out = group.root.out();
            if (json) {
                ObjectNode both = Json.object();
                both.set("group", g);
                both.set("members", members);
                out.json(both);
                return 0;
            }
            out.line(g.path("name").asText() + "  (id " + g.path("id").asText() + ", owner " + g.path("owner").asText()
                    + ", " + Describe.limit(g) + " members" + (g.path("membersMayInvite").asBoolean(true) ? "" : ", only owners invite")
                    + ")");
            String description = Json.text(g, "description");
            if (description != null && !description.isBlank()) {
                out.line(description);
            }
            List<List<String>> rows = new ArrayList<>();
            for (JsonNode m : members) {
                rows.add(List.of(m.path("username").asText(), m.path("role").asText(), m.path("displayName").asText()));
            }
            out.table(List.of("USERNAME", "ROLE", "NAME"), rows);
            return 0;
        }
    }

    @Command(name = "edit", description = "Change a group's name, description, member limit or who may invite (owner only).")
    static final class Edit implements Callable<Integer> {
        @ParentCommand GroupCommand group;
        @Parameters(paramLabel = "ID") String id;
        @Option(names = "--name") String name;
        @Option(names = "--description", paramLabel = "TEXT") String description;
        @Option(names = "--limit", paramLabel = "N") Integer limit;
        @Option(names = "--members-may-invite", arity = "1", paramLabel = "true|false") Boolean membersMayInvite;

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>();
            putIfGiven(body, "name", name);
            putIfGiven(body, "description", description);
            putIfGiven(body, "memberLimit", limit);
            putIfGiven(body, "membersMayInvite", membersMayInvite);
            if (body.isEmpty()) {
                throw CliError.usage("nothing to change: give --name, --description, --limit or --members-may-invite");
            }
            group.root.out().line("updated " + Describe.group(group.root.api().patch(UrlPaths.group(id), body)));
            return 0;
        }

        private static void putIfGiven(Map<String, Object> body, String key, Object value) {
            if (value != null) {
                body.put(key, value);
            }
        }
    }

    @Command(name = "delete", description = "Delete a group for everyone (owner only).")
    static final class Delete implements Callable<Integer> {
        @ParentCommand GroupCommand group;
        @Parameters(paramLabel = "ID") String id;

        @Override
        public Integer call() {
            group.root.api().delete(UrlPaths.group(id));
            group.root.out().line("deleted group " + id);
            return 0;
        }
    }

    @Command(name = "leave", description = "Leave a group (an owner must transfer it first unless alone).")
    static final class Leave implements Callable<Integer> {
        @ParentCommand GroupCommand group;
        @Parameters(paramLabel = "ID") String id;

        @Override
        public Integer call() {
            ApiClient api = group.root.api();
            String me = api.get("/accounts/me").path("username").asText();
            api.delete(UrlPaths.group(id, "members", UrlPaths.segment(me)));
            group.root.out().line("left group " + id);
            return 0;
        }
    }

    @Command(name = "remove", description = "Remove a member from a group (owner only).")
    static final class Remove implements Callable<Integer> {
        @ParentCommand GroupCommand group;
        @Parameters(index = "0", paramLabel = "ID") String id;
        @Parameters(index = "1", paramLabel = "USERNAME") String username;

        @Override
        public Integer call() {
            group.root.api().delete(UrlPaths.group(id, "members", UrlPaths.segment(username)));
            group.root.out().line("removed " + username + " from group " + id);
            return 0;
        }
    }

    @Command(name = "transfer", description = "Make another member the owner; you stay a member.")
    static final class Transfer implements Callable<Integer> {
        @ParentCommand GroupCommand group;
        @Parameters(index = "0", paramLabel = "ID") String id;
        @Parameters(index = "1", paramLabel = "USERNAME") String username;

        @Override
        public Integer call() {
            group.root.api().post(UrlPaths.group(id, "owner"), Map.of("username", username));
            group.root.out().line(username + " now owns group " + id);
            return 0;
        }
    }
}
