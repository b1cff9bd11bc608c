package org.kith.cli;

import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** invitations, accept, decline, redeem. */
final class InvitationCommands {
    private InvitationCommands() {}

    @Command(name = "invitations", description = "Invitations addressed to me.")
    static final class List implements Callable<Integer> {
        @ParentCommand KithCli root;
        @Option(names = "--json") boolean json;

        @Override
        public Integer call() {
            JsonNode list = root.api().get("/api/v1/invitations");
            if (json) {
                root.out.println(list.toPrettyString());
                return 0;
            }
            if (list.isEmpty()) {
                root.out.println("no pending invitations");
            }
            for (JsonNode inv : list) {
                root.out.println(inv.path("id").asText() + "  \"" + inv.path("groupName").asText() + "\" from "
                        + inv.path("inviter").asText());
            }
            return 0;
        }
    }

    @Command(name = "accept", description = "Accept an invitation and join its group.")
    static final class Accept implements Callable<Integer> {
        @ParentCommand KithCli root;
        @Parameters(paramLabel = "INVID") String id;

        @Override
        public Integer call() {
            JsonNode group = root.api().post("/api/v1/invitations/" + Paths.segment(id) + "/accept", Map.of());
            root.out.println("joined group " + group.path("id").asText() + " \"" + group.path("name").asText() + "\"");
            return 0;
        }
    }

    @Command(name = "decline", description = "Decline an invitation.")
    static final class Decline implements Callable<Integer> {
        @ParentCommand KithCli root;
        @Parameters(paramLabel = "INVID") String id;

        @Override
        public Integer call() {
            root.api().post("/api/v1/invitations/" + Paths.segment(id) + "/decline", Map.of());
            root.out.println("declined invitation " + id);
            return 0;
        }
    }

    @Command(name = "redeem", description = "Join with an invitation code or link.")
    static final class Redeem implements Callable<Integer> {
        @ParentCommand KithCli root;
        @Parameters(paramLabel = "CODE") String code;

        @Override
        public Integer call() {
            String c = code.contains("/") ? code.substring(code.lastIndexOf('/') + 1) : code;
            JsonNode group = root.api().post("/api/v1/invitations/redeem", Map.of("code", c));
            root.out.println("joined group " + group.path("id").asText() + " \"" + group.path("name").asText() + "\"");
            return 0;
        }
    }
}
