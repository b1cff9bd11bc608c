package org.kith.server;

import java.util.Arrays;

/** {@code kith-server [--option value …]}: runs Kith until stopped. */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
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
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception ignored) {
                // exiting anyway
            }
        }, "kith-shutdown"));
        System.out.println(server.describe());
        System.out.flush();
    }
}
