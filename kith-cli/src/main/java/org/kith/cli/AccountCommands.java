package org.kith.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** register, login, logout, whoami. */
final class AccountCommands {
    private AccountCommands() {}

    @Command(name = "register", description = "Create an account.")
    static final class Register implements Callable<Integer> {
        @ParentCommand KithCli root;
        @Parameters(index = "0", description = "username (3-32 letters, digits, . _ -)") String username;
        @Option(names = "--display-name", required = true, description = "your name as others see it") String displayName;
        @Option(names = "--region", description = "country for reading phone numbers (default CN)") String region;
        @Option(names = "--password-stdin", description = "read the password from standard input") boolean stdin;

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("username", username);
            body.put("password", KithCli.password(stdin));
            body.put("displayName", displayName);
            if (region != null) {
                body.put("region", region);
            }
            JsonNode account = root.anonymous().post("/api/v1/accounts", body);
            root.out.println("registered " + account.path("username").asText() + " on " + root.serverUrl());
            return 0;
        }
    }

    @Command(name = "login", description = "Log in and remember the session.")
    static final class Login implements Callable<Integer> {
        @ParentCommand KithCli root;
        @Parameters(index = "0") String username;
        @Option(names = "--password-stdin", description = "read the password from standard input") boolean stdin;

        @Override
        public Integer call() {
            JsonNode session = root.anonymous().post("/api/v1/sessions",
                    Map.of("username", username, "password", KithCli.password(stdin)));
            ConfigFile cfg = root.configFile();
            cfg.values.put("server", root.serverUrl());
            cfg.values.put("username", username);
            cfg.values.put("token", session.path("token").asText());
            cfg.save();
            root.out.println("logged in as " + username + " on " + root.serverUrl());
            return 0;
        }
    }

    @Command(name = "logout", description = "Forget the saved session.")
    static final class Logout implements Callable<Integer> {
        @ParentCommand KithCli root;

        @Override
        public Integer call() {
            ConfigFile cfg = root.configFile();
            if (cfg.get("token") != null) {
                try {
                    root.api().delete("/api/v1/sessions/current");
                } catch (CliError ignored) {
                    // the token may already be invalid; forget it anyway
                }
                cfg.values.remove("token");
                cfg.save();
            }
            root.out.println("logged out");
            return 0;
        }
    }

    @Command(name = "whoami", description = "Show the signed-in account.")
    static final class WhoAmI implements Callable<Integer> {
        @ParentCommand KithCli root;

        @Override
        public Integer call() {
            JsonNode me = root.api().get("/api/v1/accounts/me");
            root.out.println(me.path("username").asText() + " (" + me.path("displayName").asText() + ") on "
                    + root.serverUrl());
            return 0;
        }
    }
}
