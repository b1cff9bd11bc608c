package org.kith.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The saved login: {@code {"server":…, "username":…, "token":…}} in a file only its owner may
 * read (mode 600, its folder 700 when we create it). Keys this version does not know are kept.
 * Not thread-safe; one command owns it.
 */
final class ConfigFile {
    private final Path path;
    private final ObjectNode values;

    private ConfigFile(Path path, ObjectNode values) {
        this.path = path;
        this.values = values;
    }

    /** $KITH_CONFIG, else $XDG_CONFIG_HOME/kith/config.json, else ~/.config/kith/config.json. */
    static Path defaultPath(Map<String, String> env) {
        String explicit = env.get("KITH_CONFIG");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        // XDG says a relative XDG_CONFIG_HOME is invalid and must be ignored
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("kith").resolve("config.json");
    }

    /** The file's contents, or an empty config when it does not exist yet. */
    static ConfigFile load(Path path) {
        if (!Files.exists(path)) {
            return new ConfigFile(path, Json.object());
        }
        try {
            JsonNode read = Json.MAPPER.readTree(path.toFile());
            if (read == null || !read.isObject()) {
                throw CliError.failed(path + " is not a kith config file (expected a JSON object)");
            }
            return new ConfigFile(path, (ObjectNode) read);
        } catch (IOException e) {
            throw CliError.failed("cannot read " + path + ": " + ApiClient.reason(e));
        }
    }

    Path path() {
        return path;
    }

    String server() {
        return Json.text(values, "server");
    }

    String username() {
        return Json.text(values, "username");
    }

    String token() {
        return Json.text(values, "token");
    }

    void saveLogin(String server, String username, String token, String expiresAt) {
        values.put("server", server);
        values.put("username", username);
        values.put("token", token);
        if (expiresAt != null) {
            values.put("expiresAt", expiresAt);
        } else {
            values.remove("expiresAt");
        }
        save();
    }

    /** Forgets the token but keeps the server and username, so a later login needs less typing. */
    void forgetToken() {
        values.remove("token");
        values.remove("expiresAt");
        save();
    }

    /** Writes the file atomically; the temporary file is private from the moment it exists. */
    void save() {
        Path dir = path.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            if (!Files.isDirectory(dir)) {
                createPrivateDirectories(dir);
            }
            tmp = createPrivateTempFile(dir);
            Files.writeString(tmp, values.toPrettyString() + "\n");
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            tmp = null;
        } catch (IOException e) {
            throw CliError.failed("cannot write " + path + ": " + ApiClient.reason(e));
        } finally {
            deleteQuietly(tmp);
        }
    }

    private static void createPrivateDirectories(Path dir) throws IOException {
        Path parent = dir.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            createPrivateDirectories(parent);
        }
        try {
            Files.createDirectory(dir, posix("rwx------"));
        } catch (UnsupportedOperationException notPosix) {
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException raced) {
            // someone else made it meanwhile; fine
        }
    }

    private static Path createPrivateTempFile(Path dir) throws IOException {
        try {
            return Files.createTempFile(dir, ".config", ".tmp", posix("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            return Files.createTempFile(dir, ".config", ".tmp");
        }
    }

    private static FileAttribute<?> posix(String permissions) {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions));
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a stray temporary file is harmless
            }
        }
    }
}
