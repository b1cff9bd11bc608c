package org.kith.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code kith group invite|invitations|revoke}: a group's invitations, by username or by link. */
final class GroupInviteCommands {
    private GroupInviteCommands() {}

    @Command(name = "invite", description = "Invite someone by username (--user), or make an invitation link (--link).")
    static final class Invite implements Callable<Integer> {
        @ParentCommand GroupCommand group;
        @Parameters(paramLabel = "ID") String id;
        @Option(names = "--user", paramLabel = "USERNAME") String user;
        @Option(names = "--link", description = "a code and join link anyone may use") boolean link;
        @Option(names = "--max-uses", paramLabel = "N", description = "with --link: how many may join with it") Integer maxUses;
        @Option(names = "--expires-hours", paramLabel = "H", description = "with --link: hours until it expires") Integer expiresHours;
        @Option(names = "--entry", paramLabel = "ENTRYID",
                description = "a managed entry the invitee's own card replaces on joining") String entryId;

        @Override
        public Integer call() {
            if ((user != null) == link) {
                throw CliError.usage("give either --user USERNAME or --link");
            }
            if (user != null && (maxUses != null || expiresHours != null)) {
                throw CliError.usage("--max-uses and --expires-hours go with --link");
            }
            Map<String, Object> body = new LinkedHashMap<>();
            if (user != null) {
                body.put("username", user);
            } else {
                if (maxUses != null) {
                    body.put("maxUses", maxUses);
                }
                if (expiresHours != null) {
                    body.put("expiresInHours", expiresHours);
                }
            }
            if (entryId != null) {
                body.put("entryId", entryId);
            }
            JsonNode inv = group.root.api().post(UrlPaths.group(id, "invitations"), body);
            Out out = group.root.out();
            if (user != null) {
                out.line("invited " + user + " to group " + id + " (invitation " + inv.path("id").asText() + ")");
            } else {
                out.line("invitation " + inv.path("id").asText() + ": code " + inv.path("code").asText() + limits(inv));
                out.line(inv.path("url").asText());
            }
            return 0;
        }

        private static String limits(JsonNode inv) {
            String max = Json.text(inv, "maxUses");
            String expires = Json.text(inv, "expiresAt");
            return (max != null ? ", up to " + max + " uses" : "") + (expires != null ? ", expires " + expires : "");
        }
    }

    @Command(name = "invitations", description = "A group's pending invitations.")
    static final class Pending implements Callable<Integer> {
        @ParentCommand GroupCommand group;
        @Parameters(paramLabel = "ID") String id;
        @Option(names = "--json", description = "print the server's JSON") boolean json;

        @Override
        public Integer call() {
            JsonNode list = group.root.api().get(UrlPaths.group(id, "invitations"));
            if (json) {
                group.root.out().json(list);
                return 0;
            }
            List<List<String>> rows = new ArrayList<>();
            for (JsonNode inv : list) {
                String who = Json.text(inv, "username") != null ? "user " + inv.get("username").asText()
                        : "code " + inv.path("code").asText() + " (" + inv.path("uses").asInt()
                        + (Json.text(inv, "maxUses") != null ? "/" + inv.get("maxUses").asText() : "") + " used)";
                rows.add(List.of(inv.path("id").asText(), inv.path("inviter").asText(),
                        Describe.orDash(Json.text(inv, "expiresAt")), who));
            }
            group.root.out().table(List.of("ID", "INVITER", "EXPIRES", "FOR"), rows);
            return 0;
        }
    }

    @Command(name = "revoke", description = "Withdraw an invitation (its inviter or an owner).")
    static final class Revoke implements Callable<Integer> {
        @ParentCommand GroupCommand group;
        @Parameters(index = "0", paramLabel = "ID") String id;
        @Parameters(index = "1", paramLabel = "INVID") String invitationId;

        @Override
        public Integer call() {
            group.root.api().delete(UrlPaths.group(id, "invitations", UrlPaths.segment(invitationId)));
            group.root.out().line("revoked invitation " + invitationId);
            return 0;
        }
    }
}
