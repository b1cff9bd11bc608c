package org.kith.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code kith group …}: groups, members, invitations and managed entries. */
@Command(name = "group", description = "Create and manage groups.")
final class GroupCommand {
    @ParentCommand KithCli root;

    private ApiClient api() {
        return root.api();
    }

    private void print(String line) {
        root.out.println(line);
    }

    private static String g(String id) {
        return "/api/v1/groups/" + Paths.segment(id);
    }

    @Command(name = "create", description = "Create a group; you are its owner.")
    int create(@Parameters(paramLabel = "NAME") String name,
               @Option(names = "--description") String description,
               @Option(names = "--limit", description = "member limit") Integer limit) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("description", description);
        body.put("memberLimit", limit);
        JsonNode group = api().post("/api/v1/groups", body);
        print("created group " + group.path("id").asText() + " \"" + group.path("name").asText() + "\"");
        return 0;
    }

    @Command(name = "list", description = "The groups I belong to.")
    int list(@Option(names = "--json") boolean json) {
        JsonNode groups = api().get("/api/v1/groups");
        if (json) {
            print(groups.toPrettyString());
            return 0;
        }
        for (JsonNode grp : groups) {
            print(String.format("%-6s %-24s %3d/%-4d %s", grp.path("id").asText(), grp.path("name").asText(),
                    grp.path("memberCount").asInt(), grp.path("memberLimit").asInt(), grp.path("role").asText()));
        }
        return 0;
    }

    @Command(name = "show", description = "A group and its members.")
    int show(@Parameters(paramLabel = "ID") String id, @Option(names = "--json") boolean json) {
        JsonNode group = api().get(g(id));
        JsonNode members = api().get(g(id) + "/members");
        if (json) {
            print(ApiClient.JSON.createObjectNode().<com.fasterxml.jackson.databind.node.ObjectNode>set("group", group)
                    .set("members", members).toPrettyString());
            return 0;
        }
        print(group.path("name").asText() + " (id " + group.path("id").asText() + ", owner "
                + group.path("owner").asText() + ", " + group.path("memberCount").asInt() + "/"
                + group.path("memberLimit").asInt() + ")");
        if (!group.path("description").asText().isEmpty()) {
            print("  " + group.path("description").asText());
        }
        for (JsonNode m : members) {
            print("  " + m.path("username").asText() + " (" + m.path("displayName").asText() + ")"
                    + (m.path("role").asText().equals("owner") ? " owner" : ""));
        }
        return 0;
    }

    @Command(name = "edit", description = "Change a group's name, description, limit or who may invite (owner).")
    int edit(@Parameters(paramLabel = "ID") String id, @Option(names = "--name") String name,
             @Option(names = "--description") String description, @Option(names = "--limit") Integer limit,
             @Option(names = "--members-may-invite", arity = "1") Boolean mayInvite) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (name != null) {
            body.put("name", name);
        }
        if (description != null) {
            body.put("description", description);
        }
        if (limit != null) {
            body.put("memberLimit", limit);
        }
        if (mayInvite != null) {
            body.put("membersMayInvite", mayInvite);
        }
        JsonNode group = api().patch(g(id), body);
        print("updated group " + group.path("id").asText() + " \"" + group.path("name").asText() + "\"");
        return 0;
    }

    @Command(name = "delete", description = "Delete a group (owner).")
    int delete(@Parameters(paramLabel = "ID") String id) {
        api().delete(g(id));
        print("deleted group " + id);
        return 0;
    }

    @Command(name = "leave", description = "Leave a group.")
    int leave(@Parameters(paramLabel = "ID") String id) {
        String me = api().get("/api/v1/accounts/me").path("username").asText();
        api().delete(g(id) + "/members/" + Paths.segment(me));
        print("left group " + id);
        return 0;
    }

    @Command(name = "remove", description = "Remove a member (owner).")
    int remove(@Parameters(index = "0", paramLabel = "ID") String id,
               @Parameters(index = "1", paramLabel = "USERNAME") String username) {
        api().delete(g(id) + "/members/" + Paths.segment(username));
        print("removed " + username + " from group " + id);
        return 0;
    }

    @Command(name = "transfer", description = "Make another member the owner.")
    int transfer(@Parameters(index = "0", paramLabel = "ID") String id,
                 @Parameters(index = "1", paramLabel = "USERNAME") String username) {
        api().post(g(id) + "/owner", Map.of("username", username));
        print(username + " now owns group " + id);
        return 0;
    }

    @Command(name = "invite", description = "Invite a user by name (--user) or create an invitation link (--link).")
    int invite(@Parameters(paramLabel = "ID") String id, @Option(names = "--user") String user,
               @Option(names = "--link") boolean link, @Option(names = "--max-uses") Integer maxUses,
               @Option(names = "--expires-hours") Integer hours, @Option(names = "--entry") String entryId) {
        if ((user == null) == !link) {
            throw new CliError(CliError.USAGE, "give either --user USERNAME or --link");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (user != null) {
            body.put("username", user);
        } else {
            body.put("maxUses", maxUses);
            body.put("expiresInHours", hours);
        }
        if (entryId != null) {
            body.put("entryId", entryId);
        }
        JsonNode inv = api().post(g(id) + "/invitations", body);
        if (user != null) {
            print("invited " + user + " (invitation " + inv.path("id").asText() + ")");
        } else {
            print("invitation " + inv.path("id").asText() + ": code " + inv.path("code").asText());
            print(inv.path("url").asText());
        }
        return 0;
    }

    @Command(name = "invitations", description = "A group's pending invitations.")
    int invitations(@Parameters(paramLabel = "ID") String id, @Option(names = "--json") boolean json) {
        JsonNode list = api().get(g(id) + "/invitations");
        if (json) {
            print(list.toPrettyString());
            return 0;
        }
        for (JsonNode inv : list) {
            String target = inv.hasNonNull("username") ? "user " + inv.get("username").asText()
                    : "link " + inv.path("code").asText() + " (" + inv.path("uses").asInt() + " used)";
            print(inv.path("id").asText() + "  " + target + "  expires " + inv.path("expiresAt").asText());
        }
        return 0;
    }

    @Command(name = "revoke", description = "Withdraw an invitation.")
    int revoke(@Parameters(index = "0", paramLabel = "ID") String id,
               @Parameters(index = "1", paramLabel = "INVID") String invitation) {
        api().delete(g(id) + "/invitations/" + Paths.segment(invitation));
        print("revoked invitation " + invitation);
        return 0;
    }

    @Command(name = "entries", description = "A group's managed entries.")
    int entries(@Parameters(paramLabel = "ID") String id, @Option(names = "--json") boolean json) {
        JsonNode list = api().get(g(id) + "/entries");
        if (json) {
            print(list.toPrettyString());
            return 0;
        }
        for (JsonNode e : list) {
            print(e.path("id").asText() + "  " + CardOptions.describe(e.path("card")));
        }
        return 0;
    }

    @Command(name = "entry-add", description = "Add a card for someone who is not a member (owner).")
    int entryAdd(@Parameters(paramLabel = "ID") String id, @Mixin CardOptions fields,
                 @Option(names = "--invite", description = "also invite this user; on joining their card replaces the entry")
                 String invite) {
        if (fields.fn == null) {
            throw new CliError(CliError.USAGE, "an entry needs --fn");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("card", fields.applyTo(null));
        body.put("inviteUsername", invite);
        JsonNode entry = api().post(g(id) + "/entries", body);
        print("added entry " + entry.path("id").asText() + " (uid " + entry.path("uid").asText() + ")");
        return 0;
    }

    @Command(name = "entry-update", description = "Change a managed entry (owner).")
    int entryUpdate(@Parameters(index = "0", paramLabel = "ID") String id,
                    @Parameters(index = "1", paramLabel = "ENTRYID") String entryId, @Mixin CardOptions fields) {
        JsonNode current = null;
        for (JsonNode e : api().get(g(id) + "/entries")) {
            if (e.path("id").asText().equals(entryId)) {
                current = e.path("card");
            }
        }
        if (current == null) {
            throw new CliError(CliError.FAILED, "no managed entry " + entryId + " in group " + id);
        }
        api().put(g(id) + "/entries/" + Paths.segment(entryId), Map.of("card", fields.applyTo(current)));
        print("updated entry " + entryId);
        return 0;
    }

    @Command(name = "entry-delete", description = "Delete a managed entry (owner).")
    int entryDelete(@Parameters(index = "0", paramLabel = "ID") String id,
                    @Parameters(index = "1", paramLabel = "ENTRYID") String entryId) {
        api().delete(g(id) + "/entries/" + Paths.segment(entryId));
        print("deleted entry " + entryId);
        return 0;
    }
}
