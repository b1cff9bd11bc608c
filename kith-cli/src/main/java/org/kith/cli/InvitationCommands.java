package org.kith.cli;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code kith invitations|accept|decline|redeem}: invitations addressed to me, and join links. */
final class InvitationCommands {
    private InvitationCommands() {}

    @Command(name = "invitations", description = "Invitations waiting for my answer.")
    static final class Mine implements Callable<Integer> {
        @ParentCommand KithCli root;
        @Option(names = "--json", description = "print the server's JSON") boolean json;

        @Override
        public Integer call() {
            JsonNode list = root.api().get("/invitations");
            if (json) {
                root.out().json(list);
                return 0;
            }
            if (list.isEmpty()) {
                root.out().line("no pending invitations");
                return 0;
            }
            List<List<String>> rows = new ArrayList<>();
            for (JsonNode inv : list) {
                rows.add(List.of(inv.path("id").asText(), inv.path("inviter").asText(),
                        Describe.orDash(Json.text(inv, "expiresAt")), inv.path("groupName").asText()));
            }
            root.out().table(List.of("ID", "FROM", "EXPIRES", "GROUP"), rows);
            root.out().line("answer with 'kith accept ID' or 'kith decline ID'");
            return 0;
        }
    }

    @Command(name = "accept", description = "Accept an invitation and join its group.")
    static final class Accept implements Callable<Integer> {
        @ParentCommand KithCli root;
        @Parameters(paramLabel = "INVID") String id;

        @Override
        public Integer call() {
            JsonNode group = root.api().post("/invitations/" + UrlPaths.segment(id) + "/accept", null);
            root.out().line("joined " + Describe.group(group));
            return 0;
        }
    }

    @Command(name = "decline", description = "Decline an invitation.")
    static final class Decline implements Callable<Integer> {
        @ParentCommand KithCli root;
        @Parameters(paramLabel = "INVID") String id;

        @Override
        public Integer call() {
            root.api().post("/invitations/" + UrlPaths.segment(id) + "/decline", null);
            root.out().line("declined invitation " + id);
            return 0;
        }
    }

    @Command(name = "redeem", description = "Join a group with an invitation code or its join link.")
    static final class Redeem implements Callable<Integer> {
        @ParentCommand KithCli root;
        @Parameters(paramLabel = "CODE", description = "the code, or the whole link ({server}/join/{code})") String code;

        @Override
        public Integer call() {
            JsonNode group = root.api().post("/invitations/redeem", Map.of("code", codeOf(code)));
            root.out().line("joined " + Describe.group(group));
            return 0;
        }
    }

    /** The code itself, from a bare code or a join link (its last path segment, decoded). */
    static String codeOf(String input) {
        String s = input.strip();
        if (!s.contains("/")) {
            return s;
        }
        String path = s;
        try {
            if (s.contains("://")) {
                path = URI.create(s).getRawPath();
            }
        } catch (IllegalArgumentException notAUri) {
            // treat it as a plain path
        }
        path = path == null ? "" : path.replaceAll("/+$", "");
        String last = path.substring(path.lastIndexOf('/') + 1);
        if (last.isEmpty()) {
            throw CliError.usage("no invitation code in '" + input + "'");
        }
        return URLDecoder.decode(last, StandardCharsets.UTF_8);
    }
}
