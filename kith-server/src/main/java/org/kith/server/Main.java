package org.kith.server;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.kith.store.SqliteBackups;
import org.kith.store.StoreException;

/**
 * {@code java -jar kith-server.jar [--option value …]}: runs Kith until SIGTERM or Ctrl-C.
 * {@code backup FILE} and {@code restore FILE} (with the same options) copy the SQLite database
 * out while a server runs, and put a copy back while none does.
 * Exit codes: 0 after {@code --help} or a finished command, 2 for a bad configuration or command,
 * 1 if the server cannot start (port taken, database unreachable) or the command failed.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        List<String> list = Arrays.asList(args);
        if (list.contains("--help") || list.contains("-h")) {
            System.out.print(Config.help());
            return;
        }
        if (args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"))) {
            System.exit(databaseCommand(args));
            return;
        }
        Config config = configOrExit(args);
        KithServer server;
        DataDirectoryLock lock = null;
        try {
            if (config.db() == null) {
                lock = DataDirectoryLock.acquire(config.data());
            }
            server = KithServer.start(config);
        } catch (Exception e) {
            System.err.println("kith-server: cannot start: " + e.getMessage());
            System.exit(1);
            return;
        }
        DataDirectoryLock held = lock;
        // SIGTERM and Ctrl-C run shutdown hooks: close streams, finish requests, close the database.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
                if (held != null) {
                    held.close();
                }
            } catch (Exception e) {
                System.err.println("kith-server: unclean shutdown: " + e.getMessage());
            }
        }, "kith-shutdown"));
        System.out.println(server.describe());
        System.out.flush();
    }

    /** {@code backup FILE} or {@code restore FILE}; returns the exit code. */
    private static int databaseCommand(String[] args) {
        String command = args[0];
        if (args.length < 2 || args[1].startsWith("--")) {
            System.err.println("kith-server: " + command + " needs a file: kith-server " + command + " FILE [--data DIR]");
            return 2;
        }
        Path file = Path.of(args[1]);
        Config config = configOrExit(Arrays.copyOfRange(args, 2, args.length));
        if (config.db() != null) {
            System.err.println("kith-server: " + command + " is for the embedded SQLite database; on PostgreSQL use "
                    + (command.equals("backup") ? "pg_dump" : "pg_restore") + " (see docs/OPERATIONS.md)");
            return 2;
        }
        Path database = config.data().resolve("kith.db");
        try {
            if (command.equals("backup")) {
                SqliteBackups.Summary s = SqliteBackups.backup(database, file);
                System.out.println("kith-server: backed up " + database + " to " + file + " (" + s.accounts()
                        + " accounts, " + s.groups() + " groups, schema " + s.schemaVersion() + ")");
            } else {
                try (DataDirectoryLock ignored = DataDirectoryLock.acquire(config.data())) {
                    SqliteBackups.Summary s = SqliteBackups.restore(file, database);
                    System.out.println("kith-server: restored " + file + " into " + database + " (" + s.accounts()
                            + " accounts, " + s.groups() + " groups, schema " + s.schemaVersion()
                            + "); start the server to use it");
                }
            }
            return 0;
        } catch (StoreException | IllegalStateException e) {
            System.err.println("kith-server: " + command + " failed: " + e.getMessage());
            return 1;
        } catch (java.io.IOException e) {
            System.err.println("kith-server: " + command + " failed: " + e.getMessage());
            return 1;
        }
    }

    private static Config configOrExit(String[] args) {
        try {
            return Config.load(args, System.getenv());
        } catch (Config.Invalid e) {
            System.err.println("kith-server: " + e.getMessage());
            System.exit(2);
            return null;
        }
    }
}
