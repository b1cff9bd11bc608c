package org.kith.server;

import java.util.Arrays;
import java.util.List;

/**
 * {@code java -jar kith-server.jar [--option value …]}: runs Kith until SIGTERM or Ctrl-C.
 * Exit codes: 0 after {@code --help}, 2 for a bad configuration, 1 if the server cannot start
 * (port taken, database unreachable).
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        List<String> list = Arrays.asList(args);
        if (list.contains("--help") || list.contains("-h")) {
            System.out.print(Config.help());
            return;
        }
        Config config;
        try {
            config = Config.load(args, System.getenv());
        } catch (Config.Invalid e) {
            System.err.println("kith-server: " + e.getMessage());
            System.exit(2);
            return;
        }
        KithServer server;
        try {
            server = KithServer.start(config);
        } catch (Exception e) {
            System.err.println("kith-server: cannot start: " + e.getMessage());
            System.exit(1);
            return;
        }
        // SIGTERM and Ctrl-C run shutdown hooks: close streams, finish requests, close the database.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("kith-server: unclean shutdown: " + e.getMessage());
            }
        }, "kith-shutdown"));
        System.out.println(server.describe());
        System.out.flush();
    }
}
