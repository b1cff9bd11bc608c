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

/** {@code kith block|unblock|blocks}: hide my card, and its later changes, from a member. */
final class BlockCommands {
    private BlockCommands() {}

    @Command(name = "block", description = "Hide my card and its later changes from someone who shares a group with me.")
    static final class Block implements Callable<Integer> {
        @ParentCommand KithCli root;
        @Parameters(paramLabel = "USERNAME") String username;

        @Override
        public Integer call() {
            root.api().send("PUT", "/blocks/" + UrlPaths.segment(username), null, null, Map.of());
            root.out().line(username + " no longer sees your card");
            return 0;
        }
    }

    @Command(name = "unblock", description = "Show my card to someone again.")
    static final class Unblock implements Callable<Integer> {
        @ParentCommand KithCli root;
        @Parameters(paramLabel = "USERNAME") String username;

        @Override
        public Integer call() {
            root.api().delete("/blocks/" + UrlPaths.segment(username));
            root.out().line(username + " sees your card again");
            return 0;
        }
    }

    @Command(name = "blocks", description = "The people I hide my card from.")
    static final class Blocks implements Callable<Integer> {
        @ParentCommand KithCli root;
        @Option(names = "--json", description = "print the server's JSON") boolean json;

        @Override
        public Integer call() {
            JsonNode list = root.api().get("/blocks");
            if (json) {
                root.out().json(list);
            } else if (list.isEmpty()) {
                root.out().line("you block nobody");
            } else {
                List<List<String>> rows = new ArrayList<>();
                for (JsonNode b : list) {
                    rows.add(List.of(b.path("username").asText(), b.path("createdAt").asText(), b.path("displayName").asText()));
                }
                root.out().table(List.of("USERNAME", "SINCE", "NAME"), rows);
            }
            return 0;
        }
    }
}
