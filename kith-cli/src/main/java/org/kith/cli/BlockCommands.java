package org.kith.cli;

import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** block, unblock, blocks: hide my card from a member. */
final class BlockCommands {
    private BlockCommands() {}

    @Command(name = "block", description = "Hide my card (and its future changes) from someone.")
    static final class Block implements Callable<Integer> {
        @ParentCommand KithCli root;
        @Parameters(paramLabel = "USERNAME") String username;

        @Override
        public Integer call() {
            root.api().put("/api/v1/blocks/" + Paths.segment(username), null);
            root.out.println(username + " can no longer see your card");
            return 0;
        }
    }

    @Command(name = "unblock", description = "Show my card to someone again.")
    static final class Unblock implements Callable<Integer> {
        @ParentCommand KithCli root;
        @Parameters(paramLabel = "USERNAME") String username;

        @Override
        public Integer call() {
            root.api().delete("/api/v1/blocks/" + Paths.segment(username));
            root.out.println(username + " can see your card again");
            return 0;
        }
    }

    @Command(name = "blocks", description = "People I hide my card from.")
    static final class Blocks implements Callable<Integer> {
        @ParentCommand KithCli root;

        @Override
        public Integer call() {
            for (JsonNode b : root.api().get("/api/v1/blocks")) {
                root.out.println(b.path("username").asText() + " (" + b.path("displayName").asText() + ")");
            }
            return 0;
        }
    }
}
