package org.kith.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kith}: the Kith command-line client. Talks to a Kith server over its REST API only. */
@Command(name = "kith", mixinStandardHelpOptions = true, version = "kith 0.1",
        description = "Group phonebooks that keep themselves up to date.",
        subcommands = {AccountCommands.Register.class, AccountCommands.Login.class, AccountCommands.Logout.class,
                AccountCommands.WhoAmI.class, CardCommand.class, GroupCommand.class, InvitationCommands.List.class,
                InvitationCommands.Accept.class, InvitationCommands.Decline.class, InvitationCommands.Redeem.class,
                BlockCommands.Block.class, BlockCommands.Unblock.class, BlockCommands.Blocks.class,
                AppPasswordCommand.class, SyncCommand.class, WatchCommand.class})
public final class KithCli {
    @Option(names = "--server", description = "server URL (default: $KITH_SERVER, the saved login, http://localhost:8080)")
    String server;

    @Option(names = "--config", description = "config file (default: $KITH_CONFIG or ~/.config/kith/config.json)")
    Path config;

    @Option(names = "--user", description = "sign in as this user with $KITH_PASSWORD (a password or app password)")
    String user;

    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        CommandLine cl = new CommandLine(new KithCli());
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof CliError error) {
                commandLine.getErr().println("kith: " + error.getMessage());
                return error.exitCode;
            }
            throw e;
        });
        return cl.execute(args);
    }

    ConfigFile configFile() {
        return ConfigFile.load(config != null ? config : ConfigFile.defaultPath());
    }

    String serverUrl() {
        if (server != null) {
            return server;
        }
        String env = System.getenv("KITH_SERVER");
        if (env != null && !env.isBlank()) {
            return env;
        }
        String saved = configFile().get("server");
        return saved != null ? saved : "http://localhost:8080";
    }

    /** A client with the credentials in force: --user with $KITH_PASSWORD, else the saved token. */
    ApiClient api() {
        if (user != null) {
            String password = System.getenv("KITH_PASSWORD");
            if (password == null) {
                throw new CliError(CliError.USAGE, "--user needs the password in $KITH_PASSWORD");
            }
            return new ApiClient(serverUrl(), ApiClient.basic(user, password));
        }
        ConfigFile cfg = configFile();
        String token = cfg.get("token");
        if (token == null) {
            throw new CliError(CliError.USAGE, "not logged in: run 'kith login USERNAME' first");
        }
        return new ApiClient(serverUrl(), "Bearer " + token);
    }

    ApiClient anonymous() {
        return new ApiClient(serverUrl(), null);
    }

    /** The password from stdin (--password-stdin), $KITH_PASSWORD, or a prompt. */
    static String password(boolean fromStdin) {
        if (fromStdin) {
            try {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (line == null || line.isEmpty()) {
                    throw new CliError(CliError.USAGE, "no password on standard input");
                }
                return line;
            } catch (IOException e) {
                throw new CliError(CliError.FAILED, "cannot read the password: " + e.getMessage());
            }
        }
        String env = System.getenv("KITH_PASSWORD");
        if (env != null && !env.isEmpty()) {
            return env;
        }
        Console console = System.console();
        if (console == null) {
            throw new CliError(CliError.USAGE, "give the password with --password-stdin or $KITH_PASSWORD");
        }
        return new String(console.readPassword("Password: "));
    }
}
