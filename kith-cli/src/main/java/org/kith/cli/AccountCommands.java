package org.kith.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code register}, {@code login}, {@code logout}, {@code whoami}: my account and saved login. */
final class AccountCommands {
    private AccountCommands() {}

    @Command(name = "register", description = "Create an account.")
    static final class Register implements Callable<Integer> {
        @ParentCommand KithCli root;
        @Parameters(paramLabel = "USERNAME", description = "3-32 letters, digits, '.', '_' or '-'") String username;
        @Option(names = "--display-name", required = true, paramLabel = "NAME", description = "your name as others see it")
        String displayName;
        @Option(names = "--region", paramLabel = "CC", description = "country whose phone numbers you type without +code (default CN)")
        String region;
        @Option(names = "--password-stdin", description = "read the password from the first line of standard input")
        boolean passwordStdin;
        @Option(names = "--invitation", paramLabel = "LINK|CODE",
                description = "the invitation you were sent (needed on servers that sign up only invited people)")
        String invitation;

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("username", username);
            body.put("password", Passwords.read(root.io, passwordStdin, true));
            body.put("displayName", displayName);
            if (region != null) {
                body.put("region", region);
            }
            if (invitation != null) {
                body.put("invitation", invitation);
            }
            JsonNode account = root.anonymous().post("/accounts", body);
            root.out().line("registered " + account.path("username").asText(username) + " on " + root.serverUrl()
                    + "; now run 'kith login " + account.path("username").asText(username) + "'");
            return 0;
        }
    }

    @Command(name = "login", description = "Log in and save the session token in the config file.")
    static final class Login implements Callable<Integer> {
        @ParentCommand KithCli root;
        @Parameters(paramLabel = "USERNAME") String username;
        @Option(names = "--password-stdin", description = "read the password from the first line of standard input")
        boolean passwordStdin;

        @Override
        public Integer call() {
            String server = root.serverUrl();
            JsonNode session = root.anonymous().post("/sessions",
                    Map.of("username", username, "password", Passwords.read(root.io, passwordStdin, false)));
            String token = Json.text(session, "token");
            if (token == null) {
                throw CliError.failed("the server's answer holds no token");
            }
            root.config().saveLogin(server, username, token, Json.text(session, "expiresAt"));
            root.out().line("logged in as " + username + " on " + server);
            return 0;
        }
    }

    @Command(name = "logout", description = "Revoke the saved session token and forget it.")
    static final class Logout implements Callable<Integer> {
        @ParentCommand KithCli root;

        @Override
        public Integer call() {
            ConfigFile cfg = root.config();
            if (cfg.token() == null) {
                root.out().line("not logged in");
                return 0;
            }
            try {
                // revoke at the server that issued the token, whatever --server says
                new ApiClient(cfg.server(), ApiClient.bearer(cfg.token())).delete("/sessions/current");
            } catch (CliError e) {
                root.io.err().println("kith: could not revoke the token on the server (" + e.getMessage()
                        + "); forgetting it here anyway");
            }
            cfg.forgetToken();
            root.out().line("logged out");
            return 0;
        }
    }

    @Command(name = "whoami", description = "Show the account in use.")
    static final class WhoAmI implements Callable<Integer> {
        @ParentCommand KithCli root;
        @Option(names = "--json", description = "print the server's JSON") boolean json;

        @Override
        public Integer call() {
            JsonNode me = root.api().get("/accounts/me");
            if (json) {
                root.out().json(me);
            } else {
                root.out().line(me.path("username").asText() + " (" + me.path("displayName").asText() + ") on "
                        + root.serverUrl() + ", region " + me.path("region").asText("?"));
            }
            return 0;
        }
    }
}
