package org.kith.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.type.TypeReference;

/** Each synced group's sync token, kept in {@code DIR/.kith-state.json}. */
final class SyncState {
    private final Path file;
    final Map<String, String> tokens;

    private SyncState(Path file, Map<String, String> tokens) {
        this.file = file;
        this.tokens = tokens;
    }

    static SyncState load(Path dir) {
        Path file = dir.resolve(".kith-state.json");
        if (!Files.isRegularFile(file)) {
            return new SyncState(file, new TreeMap<>());
        }
        try {
            Map<String, String> tokens = ApiClient.JSON.readValue(file.toFile(), new TypeReference<TreeMap<String, String>>() {});
            return new SyncState(file, tokens);
        } catch (IOException e) {
            return new SyncState(file, new TreeMap<>()); // unreadable state: start over with full syncs
        }
    }

    synchronized void save() {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(".kith-state.json.tmp");
            ApiClient.JSON.writeValue(tmp.toFile(), tokens);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
