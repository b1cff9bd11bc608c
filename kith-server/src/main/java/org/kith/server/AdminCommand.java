package org.kith.server;

import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.kith.core.Kith;
import org.kith.core.auth.PasswordHasher;
import org.kith.core.error.KithException;
import org.kith.core.model.Account;
import org.kith.core.store.Store;
import org.kith.store.Stores;

/**
 * {@code kith-server admin create-user NAME}: the operator creates an account on the server's
 * own database, whatever {@code --registration} says (the way in when sign-up is closed). The
 * password is asked for twice on a terminal, else read from the first line of standard input.
 */
final class AdminCommand {
    static final String USAGE = "kith-server admin create-user NAME [--display-name NAME] [--region CC] "
            + "[--password-stdin] [--data DIR | --db URL ...]";

    private AdminCommand() {}

    /** Returns the exit code: 0 created, 1 refused or failed, 2 a bad command line. */
    static int run(String[] args, Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
        if (args.length < 3 || !args[1].equals("create-user") || args[2].startsWith("--")) {
            err.println("kith-server: usage: " + USAGE);
            return 2;
        }
        String username = args[2];
        String displayName = username;
        String region = null;
        boolean fromStdin = false;
        List<String> rest = new ArrayList<>();
        List<String> list = Arrays.asList(args).subList(3, args.length);
        for (int i = 0; i < list.size(); i++) {
            String a = list.get(i);
            if (a.equals("--password-stdin")) {
                fromStdin = true;
            } else if ((a.equals("--display-name") || a.equals("--region")) && i + 1 < list.size()) {
                if (a.equals("--display-name")) {
                    displayName = list.get(++i);
                } else {
                    region = list.get(++i);
                }
            } else {
                rest.add(a);
            }
        }
        Config config;
        try {
            config = Config.load(rest.toArray(String[]::new), env);
        } catch (Config.Invalid e) {
            err.println("kith-server: " + e.getMessage());
            return 2;
        }
        String password;
        try {
            password = password(fromStdin, in);
        } catch (IOException | IllegalArgumentException e) {
            err.println("kith-server: " + e.getMessage());
            return 2;
        }
        try (Store store = Stores.open(config.db(), config.data())) {
            Kith kith = new Kith(store, KithServer.limits(config), Clock.systemUTC(),
                    new PasswordHasher(config.argon2MemoryKib(), config.argon2Iterations()));
            Account a = kith.accounts().register(username, password, displayName, region);
            out.println("kith-server: created account " + a.username() + " (\"" + a.displayName() + "\", region "
                    + a.region() + ")");
            return 0;
        } catch (KithException e) {
            err.println("kith-server: cannot create " + username + ": " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("kith-server: cannot create " + username + ": " + e.getMessage());
            return 1;
        }
    }

    private static String password(boolean fromStdin, InputStream in) throws IOException {
        Console console = System.console();
        if (!fromStdin && console != null) {
            char[] first = console.readPassword("Password for the new account: ");
            char[] again = console.readPassword("Password again: ");
            if (first == null || again == null || !Arrays.equals(first, again)) {
                throw new IllegalArgumentException("the two passwords differ");
            }
            return new String(first);
        }
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            line.write(b);
        }
        String s = line.toString(StandardCharsets.UTF_8);
        s = s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
        if (s.isEmpty()) {
            throw new IllegalArgumentException("no password on standard input (its first line is the password)");
        }
        return s;
    }
}
