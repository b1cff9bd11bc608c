package org.kith.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code kith account password|set|delete|export}: my account's own lifecycle. */
@Command(name = "account", description = "Change my password, name or region; export or delete my account.",
        subcommands = {AccountCommand.Password.class, AccountCommand.Set.class, AccountCommand.Delete.class,
                AccountCommand.Export.class})
final class AccountCommand {
    @ParentCommand KithCli root;

    @Command(name = "password", description = "Change my password. My other sessions end; app passwords keep working.")
    static final class Password implements Callable<Integer> {
        @ParentCommand AccountCommand parent;
        @Option(names = "--password-stdin",
                description = "read the current password from the first line of standard input and the new one from the second")
        boolean passwordStdin;

        @Override
        public Integer call() {
            Io io = parent.root.io;
            String current = Passwords.read(io, passwordStdin, false, "KITH_PASSWORD", "Current password: ");
            String next = Passwords.read(io, passwordStdin, true, "KITH_NEW_PASSWORD", "New password: ");
            parent.root.api().put("/accounts/me/password", Map.of("current", current, "new", next));
            parent.root.out().line("password changed; other sessions have ended, app passwords still work");
            return 0;
        }
    }

    @Command(name = "set", description = "Change my display name or the region my phone numbers are read in.")
    static final class Set implements Callable<Integer> {
        @ParentCommand AccountCommand parent;
        @Option(names = "--display-name", paramLabel = "NAME", description = "your name as others see it") String displayName;
        @Option(names = "--region", paramLabel = "CC", description = "two-letter country code, e.g. CN") String region;

        @Override
        public Integer call() {
            if (displayName == null && region == null) {
                throw CliError.usage("nothing to change: give --display-name or --region");
            }
            Map<String, Object> body = new LinkedHashMap<>();
            if (displayName != null) {
                body.put("displayName", displayName);
            }
            if (region != null) {
                body.put("region", region);
            }
            JsonNode me = parent.root.api().patch("/accounts/me", body);
            parent.root.out().line(me.path("username").asText() + " is now \"" + me.path("displayName").asText()
                    + "\", region " + me.path("region").asText());
            return 0;
        }
    }

    @Command(name = "delete", description = "Delete my account: my card leaves every group and my data is removed.")
    static final class Delete implements Callable<Integer> {
        @ParentCommand AccountCommand parent;
        @Option(names = "--yes", description = "confirm: this cannot be undone") boolean yes;
        @Option(names = "--password-stdin", description = "read the password from the first line of standard input")
        boolean passwordStdin;

        @Override
        public Integer call() {
            if (!yes) {
                throw CliError.usage("deleting an account cannot be undone: run again with --yes"
                        + " (export your data first with 'kith account export FILE')");
            }
            String password = Passwords.read(parent.root.io, passwordStdin, false, "KITH_PASSWORD", "Password: ");
            parent.root.api().sendJson("DELETE", "/accounts/me", Map.of("password", password), Map.of());
            ConfigFile cfg = parent.root.config();
            if (cfg.token() != null && ServerUrl.same(cfg.server(), parent.root.serverUrl())) {
                cfg.forgetToken();
            }
            parent.root.out().line("account deleted");
            return 0;
        }
    }

    @Command(name = "export", description = "Save my data as a zip: my card, my personal books, memberships and blocks.")
    static final class Export implements Callable<Integer> {
        @ParentCommand AccountCommand parent;
        @Parameters(paramLabel = "FILE", description = "where to write the zip, e.g. kith-export.zip") Path file;

        @Override
        public Integer call() {
            byte[] zip = parent.root.api().download("/accounts/me/export");
            try {
                Files.write(file, zip);
            } catch (IOException e) {
                throw CliError.io("write", file, e);
            }
            parent.root.out().line("wrote " + file + " (" + zip.length + " bytes)");
            return 0;
        }
    }
}
