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

import org.kith.core.SignUpPolicy;
import org.kith.server.webpush.PushGuard;
import org.kith.store.Stores;

/**
 * The server's configuration. One schema ({@link #OPTIONS}) gives every option its name, type,
 * default and help; values come from the defaults, then a {@code key = value} file
 * ({@code --config}), then the environment ({@code KITH_<NAME>}), then flags
 * ({@code --name value} or {@code --name=value}). Checked once at start; immutable after.
 *
 * @param db null for SQLite under {@code data}, else a PostgreSQL URL as the user wrote it
 * @param baseUrl the public URL without a trailing slash, or "" to use what each request used
 * @param registration who may sign up; {@code open} by default until Kith has an administrator
 *        (then the default becomes {@code invite})
 * @param pushSubject the VAPID contact ({@code mailto:} or {@code https:}), or "" for the base URL
 * @param pushAllowHosts hosts, addresses and CIDR ranges push may reach although private or local
 */
public record Config(int port, String host, Path data, String db, String baseUrl, int argon2MemoryKib,
                     int argon2Iterations, int maxMembers, int pingSeconds, int maxBodyReaders, int bodyMinRate,
                     int bodyGraceSeconds, Directory directory, String pushSubject, String pushAllowHosts,
                     int pushTtlSeconds, int pushQueue, SignUpPolicy registration) {

    /**
     * Desk phones' directories.
     * @param ldapPort 0 when LDAP is off
     * @param ldapKeystore a PKCS#12 keystore for LDAPS, or null for plain LDAP
     * @param tokenDays how long a new directory token stays valid; 0: until revoked
     */
    public record Directory(int ldapPort, String ldapHost, Path ldapKeystore, String ldapKeystorePassword,
                            int tokenDays) {}

    /** How an option's text is checked and turned into a value. */
    enum Type {
        INTEGER, TEXT, PATH, DATABASE_URL, HTTP_URL, SECRET, CONTACT_URI, HOST_LIST;

        String label() {
            return switch (this) {
                case INTEGER -> "integer";
                case TEXT -> "text";
                case CONTACT_URI -> "mailto: or https: URI";
                case HOST_LIST -> "hosts, addresses, CIDRs";
                case PATH -> "path";
                case DATABASE_URL -> "postgresql URL";
                case HTTP_URL -> "URL";
                case SECRET -> "secret";
            };
        }
    }

    /** One option of the schema. {@code min}/{@code max} bound integers. */
    record Option(String name, Type type, String defaultValue, long min, long max, String help) {
        String envName() {
            return "KITH_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
        }

        static Option integer(String name, int def, long min, long max, String help) {
            return new Option(name, Type.INTEGER, Integer.toString(def), min, max, help);
        }

        static Option of(String name, Type type, String def, String help) {
            return new Option(name, type, def, 0, 0, help);
        }
    }

    static final String CONFIG = "config";

    static final List<Option> OPTIONS = List.of(
            Option.of(CONFIG, Type.PATH, "", "a file of 'option = value' lines (any option below but this one)"),
            Option.integer("port", 8080, 0, 65535, "TCP port to listen on; 0 picks a free one (the start line shows it)"),
            Option.of("host", Type.TEXT, "0.0.0.0", "address to listen on"),
            Option.of("data", Type.PATH, "./data", "directory of the embedded SQLite database (kith.db)"),
            Option.of("db", Type.DATABASE_URL, "", "PostgreSQL instead of SQLite: postgresql://user[:password]@host[:port]/db"),
            Option.of("base-url", Type.HTTP_URL, "", "public URL of this server for invitation links; empty: the URL each request used"),
            Option.integer("argon2-memory-kib", 19 * 1024, 1024, 4L * 1024 * 1024, "Argon2id memory cost of password hashes, KiB"),
            Option.integer("argon2-iterations", 2, 1, 100, "Argon2id passes"),
            Option.integer("max-members", 100_000, 2, 1_000_000, "the largest member limit a group may be given"),
            Option.integer("ping-seconds", 15, 1, 3600, "seconds between keep-alive comments on event streams"),
            Option.integer("max-body-readers", 64, 1, 10_000,
                    "request bodies received at once; more are refused with 503 until one is in"),
            Option.integer("body-min-rate", 4096, 1, 1L << 30,
                    "bytes per second a request body must arrive at (after the grace); slower ones are cut off with 408"),
            Option.integer("body-grace-seconds", 10, 1, 3600,
                    "seconds a request body is given on top of its length at --body-min-rate"),
            Option.integer("ldap-port", 0, 0, 65535, "port of the read-only LDAP directory for desk phones, Thunderbird and Outlook; 0: off"),
            Option.of("ldap-host", Type.TEXT, "127.0.0.1", "address the LDAP directory listens on; binds in clear text are refused unless it is a loopback address or a keystore is set"),
            Option.of("ldap-keystore", Type.PATH, "", "PKCS#12 keystore (key and certificate) to speak LDAPS on --ldap-port; empty: plain LDAP"),
            Option.of("ldap-keystore-password", Type.SECRET, "", "password of --ldap-keystore"),
            Option.integer("directory-token-days", 0, 0, 3650, "days a new desk-phone directory token stays valid; 0: until revoked"),
            Option.of("push-subject", Type.CONTACT_URI, "", "contact sent to Web Push services in the VAPID token "
                    + "(sub), e.g. mailto:admin@example.org; empty: the base URL"),
            Option.of("push-allow-hosts", Type.HOST_LIST, "", "comma list of hosts, addresses or CIDR ranges that "
                    + "phone push may reach although loopback or private (and over http); empty: public https only"),
            Option.integer("push-ttl-seconds", 86_400, 0, 2_419_200, "how long a push service keeps a push for a "
                    + "phone that is offline (Web Push TTL)"),
            Option.integer("push-queue", 100_000, 100, 10_000_000, "how many phone pushes may wait to be sent; more "
                    + "are dropped (those phones sync at their next poll)"),

            // open by default until there is an administrator to hand out accounts
            Option.of("registration", Type.TEXT, "open", "who may sign up: open (anyone), invite (only with an "
                    + "invitation link or code), closed (no one; create accounts with 'kith-server admin create-user')"));

    /** A configuration error, told to the user as it is (exit code 2). */
    public static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    /** Builds the configuration from flags and the environment (and the file either names). */
    public static Config load(String[] args, Map<String, String> env) {
        Map<String, String> flags = parseFlags(args);
        Map<String, String> text = new LinkedHashMap<>();
        for (Option o : OPTIONS) {
            text.put(o.name(), o.defaultValue());
        }
        String file = flags.getOrDefault(CONFIG, env.getOrDefault(option(CONFIG, CONFIG).envName(), ""));
        if (!file.isBlank()) {
            text.putAll(readFile(Path.of(file.strip())));
        }
        for (Option o : OPTIONS) {
            String value = env.get(o.envName());
            if (value != null) {
                text.put(o.name(), value);
            }
        }
        text.putAll(flags);
        return fromText(text);
    }

    /** The JDBC URL of the PostgreSQL database, translated exactly as the store translates it. */
    public String jdbcUrl() {
        return db == null ? null : Stores.jdbcUrl(db);
    }

    /** The VAPID {@code sub}: the configured contact, else the base URL, else a placeholder that names no one. */
    public String vapidSubject() {
        if (!pushSubject.isEmpty()) {
            return pushSubject;
        }
        return baseUrl.startsWith("https://") ? baseUrl : "mailto:push@kith.invalid";
    }

    /** What {@code --help} prints: generated from the schema. */
    static String help() {
        StringBuilder sb = new StringBuilder("""
                Usage: kith-server [--option value | --option=value ...]
                       kith-server backup FILE [--data DIR]    a consistent copy of the SQLite database, taken while the server runs
                       kith-server restore FILE [--data DIR]   put a backup back (the server must be stopped)
                       kith-server admin create-user NAME [--display-name N] [--region CC] [--password-stdin] [options]
                                                               create an account whatever --registration says

                Runs the Kith server. Each option is read, last one winning, from its default, a --config
                file, the environment variable shown, and the command line. Bad values stop the server at
                start with exit code 2.

                Options:
                """);
        for (Option o : OPTIONS) {
            sb.append(String.format(Locale.ROOT, "  --%s <%s>%n      %s%n      env %s%s%n", o.name(), o.type().label(),
                    o.help(), o.envName(), o.defaultValue().isEmpty() ? "" : ", default " + o.defaultValue()));
        }
        sb.append("  --help\n      print this and exit\n");
        return sb.toString();
    }

    /**
     * The options table of docs/OPERATIONS.md, generated from the schema so the document cannot
     * drift from what the server accepts ({@code OperationsDocTest} checks it).
     */
    static String optionsTable() {
        StringBuilder sb = new StringBuilder("| option | environment | type | default | meaning |\n|---|---|---|---|---|\n");
        for (Option o : OPTIONS) {
            String def = o.defaultValue().isEmpty() ? "" : "`" + o.defaultValue() + "`";
            String type = o.type() == Type.INTEGER
                    ? String.format(Locale.ROOT, "integer %d–%d", o.min(), o.max()) : o.type().label();
            sb.append(String.format(Locale.ROOT, "| `--%s` | `%s` | %s | %s | %s |%n", o.name(), o.envName(), type, def,
                    o.help().replace("|", "\\|")));
        }
        return sb.toString();
    }

    private static Option option(String name, String where) {
        return OPTIONS.stream().filter(o -> o.name().equals(name)).findFirst()
                .orElseThrow(() -> new Invalid("unknown option " + where + " (see --help)"));
    }

    private static Map<String, String> parseFlags(String[] args) {
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new Invalid("unexpected argument '" + arg + "'; options look like --port 8080 (see --help)");
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
            option(name, "--" + name);
            flags.put(name, value);
        }
        return flags;
    }

    private static Map<String, String> readFile(Path file) {
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(r);
        } catch (IOException e) {
            throw new Invalid("cannot read the config file " + file + ": " + e.getMessage());
        }
        Map<String, String> values = new HashMap<>();
        for (String key : props.stringPropertyNames()) {
            if (option(key.strip(), "'" + key.strip() + "' in " + file).name().equals(CONFIG)) {
                throw new Invalid("the config file " + file + " cannot name another config file");
            }
            values.put(key.strip(), props.getProperty(key).strip());
        }
        return values;
    }

    private static Config fromText(Map<String, String> text) {
        Map<String, Object> v = new HashMap<>();
        for (Option o : OPTIONS) {
            v.put(o.name(), parse(o, text.get(o.name()).strip()));
        }
        String db = (String) v.get("db");
        Path data = (Path) v.get("data");
        if (db.isEmpty()) {
            checkDataDirectory(data);
        }
        String baseUrl = (String) v.get("base-url");
        return new Config((int) v.get("port"), (String) v.get("host"), data, db.isEmpty() ? null : db,
                baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl,
                (int) v.get("argon2-memory-kib"), (int) v.get("argon2-iterations"), (int) v.get("max-members"),
                (int) v.get("ping-seconds"), (int) v.get("max-body-readers"), (int) v.get("body-min-rate"),
                (int) v.get("body-grace-seconds"), new Directory((int) v.get("ldap-port"), (String) v.get("ldap-host"),
                ((Path) v.get("ldap-keystore")).toString().isEmpty() ? null : (Path) v.get("ldap-keystore"),
                (String) v.get("ldap-keystore-password"), (int) v.get("directory-token-days")),
                (String) v.get("push-subject"), (String) v.get("push-allow-hosts"),
                (int) v.get("push-ttl-seconds"), (int) v.get("push-queue"),
                registration((String) v.get("registration")));
    }

    private static SignUpPolicy registration(String text) {
        try {
            return SignUpPolicy.of(text.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Invalid("--registration must be open, invite or closed, not '" + text + "'");
        }

    }

    private static Object parse(Option o, String s) {
        String flag = "--" + o.name();
        switch (o.type()) {
            case INTEGER -> {
                try {
                    long n = Long.parseLong(s);
                    if (n >= o.min() && n <= o.max()) {
                        return (int) n;
                    }
                } catch (NumberFormatException e) {
                    // reported below
                }
                throw new Invalid(flag + " must be a whole number from " + o.min() + " to " + o.max() + ", not '" + s + "'");
            }
            case TEXT -> {
                if (s.isEmpty()) {
                    throw new Invalid(flag + " must not be empty");
                }
                return s;
            }
            case PATH -> {
                if (s.isEmpty() && !o.defaultValue().isEmpty()) {
                    throw new Invalid(flag + " must not be empty");
                }
                return o.name().equals(CONFIG) ? s : Path.of(s);
            }
            case DATABASE_URL -> {
                if (!s.isEmpty()) {
                    try {
                        Stores.jdbcUrl(s);
                    } catch (IllegalArgumentException e) {
                        throw new Invalid(flag + ": " + e.getMessage());
                    }
                }
                return s;
            }
            case SECRET -> {
                return s;
            }
            case HTTP_URL -> {
                if (!s.isEmpty() && !(s.startsWith("http://") || s.startsWith("https://"))) {
                    throw new Invalid(flag + " must start with http:// or https://, not '" + s + "'");
                }
                return s;
            }
            case CONTACT_URI -> {
                if (!s.isEmpty() && !(s.matches("mailto:[^\\s\"\\\\]+@[^\\s\"\\\\]+") || s.matches("https://[^\\s\"\\\\]+"))) {
                    throw new Invalid(flag + " must be a mailto: address or an https: URL, not '" + s + "'");
                }
                return s;
            }
            case HOST_LIST -> {
                try {
                    PushGuard.of(s);
                } catch (IllegalArgumentException e) {
                    throw new Invalid(flag + ": " + e.getMessage());
                }
                return s;
            }
            default -> throw new IllegalStateException(o.type().name());
        }
    }

    /** The SQLite directory must be a writable directory, or creatable under a writable one. */
    private static void checkDataDirectory(Path data) {
        Path dir = data.toAbsolutePath().normalize();
        if (Files.exists(dir)) {
            if (!Files.isDirectory(dir)) {
                throw new Invalid("--data " + data + " is not a directory");
            }
            if (!Files.isReadable(dir) || !Files.isWritable(dir)) {
                throw new Invalid("--data " + data + " must be a directory this user can read and write");
            }
            return;
        }
        Path parent = dir.getParent();
        while (parent != null && !Files.exists(parent)) {
            parent = parent.getParent();
        }
        if (parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent)) {
            throw new Invalid("--data " + data + " does not exist and cannot be created here");
        }
    }
}
