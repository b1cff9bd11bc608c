package org.kith.server;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

/**
 * The server's configuration: one schema ({@link #OPTIONS}) read from defaults, then a
 * properties file, then the environment ({@code KITH_<NAME>}), then flags ({@code --name value}),
 * validated at start and immutable after.
 */
public record Config(int port, String host, Path data, String db, String baseUrl, int argon2MemoryKib,
                     int argon2Iterations, int maxMembers) {

    /** One option: its name (flag and file key), default, help text. */
    record Option(String name, String defaultValue, String help) {
        String envName() {
            return "KITH_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
        }
    }

    static final List<Option> OPTIONS = List.of(
            new Option("config", "", "a properties file with any of these options as key = value"),
            new Option("port", "8080", "TCP port to listen on (0 = any free port)"),
            new Option("host", "0.0.0.0", "address to listen on"),
            new Option("data", "./data", "directory for the embedded SQLite database"),
            new Option("db", "", "PostgreSQL URL (postgresql://user@host:5432/db); empty = SQLite under --data"),
            new Option("base-url", "", "public URL of this server, used in invitation links; empty = http://<host>:<port>"),
            new Option("argon2-memory-kib", "19456", "Argon2id memory cost for password hashes (KiB)"),
            new Option("argon2-iterations", "2", "Argon2id passes"),
            new Option("max-members", "100000", "the largest member limit a group may have"));

    /** A configuration error, reported to the user as is. */
    public static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message);
        }
    }

    public static Config load(String[] args, Map<String, String> env) {
        Map<String, String> flags = parseFlags(args);
        Map<String, String> values = new LinkedHashMap<>();
        for (Option o : OPTIONS) {
            values.put(o.name(), o.defaultValue());
        }
        String file = flags.getOrDefault("config", env.getOrDefault("KITH_CONFIG", ""));
        if (!file.isEmpty()) {
            values.putAll(readFile(Path.of(file)));
        }
        for (Option o : OPTIONS) {
            if (env.containsKey(o.envName())) {
                values.put(o.name(), env.get(o.envName()));
            }
        }
        values.putAll(flags);
        return validate(values);
    }

    static String help() {
        StringBuilder sb = new StringBuilder("Usage: kith-server [--option value ...]\n\nOptions (also KITH_<OPTION> "
                + "environment variables, or keys in the --config file):\n");
        for (Option o : OPTIONS) {
            sb.append(String.format("  --%-20s %s%s%n", o.name(), o.help(),
                    o.defaultValue().isEmpty() ? "" : " (default: " + o.defaultValue() + ")"));
        }
        return sb.toString();
    }

    private static Map<String, String> parseFlags(String[] args) {
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new Invalid("unexpected argument '" + arg + "'; options look like --port 8080");
            }
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new Invalid("option --" + name + " needs a value");
            }
            known(name);
            flags.put(name, value);
        }
        return flags;
    }

    private static void known(String name) {
        if (OPTIONS.stream().noneMatch(o -> o.name().equals(name))) {
            throw new Invalid("unknown option --" + name + " (see --help)");
        }
    }

    private static Map<String, String> readFile(Path file) {
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(r);
        } catch (IOException e) {
            throw new Invalid("cannot read config file " + file + ": " + e.getMessage());
        }
        Map<String, String> values = new HashMap<>();
        for (String key : props.stringPropertyNames()) {
            known(key);
            values.put(key, props.getProperty(key).strip());
        }
        return values;
    }

    private static Config validate(Map<String, String> v) {
        int port = integer(v, "port", 0, 65535);
        String host = v.get("host");
        if (host.isBlank()) {
            throw new Invalid("--host must not be empty");
        }
        Path data = Path.of(v.get("data"));
        String db = v.get("db").strip();
        if (!db.isEmpty() && !(db.startsWith("postgresql://") || db.startsWith("postgres://")
                || db.startsWith("jdbc:postgresql://"))) {
            throw new Invalid("--db must be a PostgreSQL URL like postgresql://user@host:5432/db, not '" + db + "'");
        }
        if (db.isEmpty() && Files.exists(data) && !Files.isDirectory(data)) {
            throw new Invalid("--data " + data + " is not a directory");
        }
        String baseUrl = v.get("base-url").strip();
        if (!baseUrl.isEmpty() && !(baseUrl.startsWith("http://") || baseUrl.startsWith("https://"))) {
            throw new Invalid("--base-url must start with http:// or https://");
        }
        return new Config(port, host, data, db.isEmpty() ? null : db,
                baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl,
                integer(v, "argon2-memory-kib", 1024, 4 * 1024 * 1024), integer(v, "argon2-iterations", 1, 100),
                integer(v, "max-members", 2, 1_000_000));
    }

    private static int integer(Map<String, String> v, String name, int min, int max) {
        Function<String, Invalid> bad = s -> new Invalid("--" + name + " must be a whole number from " + min + " to "
                + max + ", not '" + s + "'");
        String s = v.get(name).strip();
        try {
            int n = Integer.parseInt(s);
            if (n < min || n > max) {
                throw bad.apply(s);
            }
            return n;
        } catch (NumberFormatException e) {
            throw bad.apply(s);
        }
    }
}
