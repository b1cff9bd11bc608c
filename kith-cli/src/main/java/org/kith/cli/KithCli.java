package org.kith.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kith}: the Kith command-line client. It talks to a Kith server over the REST API only.
 * This class holds the global options and turns them into an {@link ApiClient}; the commands live
 * in one class per command group.
 */
@Command(name = "kith", mixinStandardHelpOptions = true, version = "kith " + KithCli.VERSION,
        description = "Group phonebooks that keep themselves up to date.",
        subcommands = {AccountCommands.Register.class, AccountCommands.Login.class, AccountCommands.Logout.class,
                AccountCommands.WhoAmI.class, CardCommand.class, GroupCommand.class,
                InvitationCommands.Mine.class, InvitationCommands.Accept.class, InvitationCommands.Decline.class,
                InvitationCommands.Redeem.class, BlockCommands.Block.class, BlockCommands.Unblock.class,
                BlockCommands.Blocks.class, AppPasswordCommand.class, DirectoryCommand.class, SyncCommand.class,
                WatchCommand.class})
public final class KithCli implements Callable<Integer> {
    static final String VERSION = "0.1.0";
    static final String DEFAULT_SERVER = "http://localhost:8080";

    @Option(names = "--server", paramLabel = "URL",
            description = "server address (default: $KITH_SERVER, else the one you logged in to, else " + DEFAULT_SERVER + ")")
    String server;

    @Option(names = "--config", paramLabel = "FILE",
            description = "config file (default: $KITH_CONFIG, else $XDG_CONFIG_HOME/kith/config.json or ~/.config/kith/config.json)")
    Path config;

    @Option(names = "--user", paramLabel = "USERNAME",
            description = "act as this user with the password (or an app password) in $KITH_PASSWORD instead of the saved login")
    String user;

    final Io io;
    private ConfigFile loaded;

    KithCli(Io io) {
        this.io = io;
    }

    public static void main(String[] args) {
        System.exit(run(Io.system(), args));
    }

    /** Runs one command line and returns the exit code: 0, 1 refused/failed, 2 usage, 3 unreachable. */
    static int run(Io io, String... args) {
        CommandLine cl = new CommandLine(new KithCli(io));
        cl.setOut(io.out());
        cl.setErr(io.err());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> report(io, e));
        int code = cl.execute(args);
        io.out().flush();
        io.err().flush();
        return code;
    }

    /** `kith` alone: say what it can do. */
    @Override
    public Integer call() {
        new CommandLine(this).usage(io.err());
        return CliError.USAGE;
    }

    private static int report(Io io, Exception e) throws Exception {
        if (e instanceof CliError error) {
            io.err().println("kith: " + error.getMessage());
            if (error instanceof ApiError api && api.status() == 401) {
                io.err().println("kith: log in again with 'kith login USERNAME', or check --user and $KITH_PASSWORD");
            }
            return error.exitCode;
        }
        if (e instanceof UncheckedIOException || e instanceof IOException) {
            io.err().println("kith: " + ApiClient.reason(e));
            return CliError.FAILED;
        }
        throw e; // a bug: let picocli show the stack trace so it gets reported
    }

    Out out() {
        return new Out(io.out());
    }

    ConfigFile config() {
        if (loaded == null) {
            loaded = ConfigFile.load(config != null ? config : ConfigFile.defaultPath(io.env()));
        }
        return loaded;
    }

    /** --server, else $KITH_SERVER, else the saved login's server, else localhost. */
    String serverUrl() {
        if (server != null) {
            return ServerUrl.normalize(server);
        }
        if (io.env("KITH_SERVER") != null) {
            return ServerUrl.normalize(io.env("KITH_SERVER"));
        }
        String saved = config().server();
        return saved != null ? ServerUrl.normalize(saved) : DEFAULT_SERVER;
    }

    /** A client with credentials: --user with $KITH_PASSWORD (Basic), else the saved bearer token. */
    ApiClient api() {
        String url = serverUrl();
        if (user != null) {
            String password = io.env("KITH_PASSWORD");
            if (password == null) {
                throw CliError.usage("--user needs the password (or an app password) in $KITH_PASSWORD");
            }
            return new ApiClient(url, ApiClient.basic(user, password));
        }
        ConfigFile cfg = config();
        if (cfg.token() == null) {
            throw CliError.failed("not logged in: run 'kith login USERNAME' (or use --user with $KITH_PASSWORD)");
        }
        // The token belongs to the server that issued it; never show it to another one.
        if (!ServerUrl.same(cfg.server(), url)) {
            throw CliError.failed("not logged in to " + url + " (the saved login is for " + cfg.server()
                    + "): run 'kith login USERNAME'");
        }
        return new ApiClient(url, ApiClient.bearer(cfg.token()));
    }

    /** Who the requests act as, as far as we know without asking the server. */
    String username() {
        return user != null ? user : config().username();
    }

    /** A client without credentials, for registering and logging in. */
    ApiClient anonymous() {
        return new ApiClient(serverUrl(), null);
    }
}
