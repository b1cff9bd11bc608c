package org.kith.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The saved login: server, username and bearer token, in a file only its owner can read. */
final class ConfigFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path path;
    final Map<String, String> values = new LinkedHashMap<>();

    private ConfigFile(Path path) {
        this.path = path;
    }

    static Path defaultPath() {
        String env = System.getenv("KITH_CONFIG");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("kith").resolve("config.json");
    }

    @SuppressWarnings("unchecked")
    static ConfigFile load(Path path) {
        ConfigFile config = new ConfigFile(path);
        if (Files.isRegularFile(path)) {
            try {
                Map<String, Object> read = JSON.readValue(path.toFile(), Map.class);
                read.forEach((k, v) -> config.values.put(k, v == null ? null : v.toString()));
            } catch (IOException e) {
                throw new CliError(CliError.FAILED, "cannot read " + path + ": " + e.getMessage());
            }
        }
        return config;
    }

    String get(String key) {
        return values.get(key);
    }

    void save() {
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
            Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(values));
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            Files.move(tmp, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CliError(CliError.FAILED, "cannot write " + path + ": " + e.getMessage());
        }
    }
}
