package org.kith.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a synced folder remembers between runs, in {@code DIR/.kith-state.json}: for each group
 * it holds, the group's name and sync token, and which account and server the tokens belong to:
 * <pre>{"version":1,"account":"alice@http://localhost:8080","groups":{"12":{"name":"…","syncToken":"…"}}}</pre>
 * A group is recorded before its first card is written, so a later run can always clean up its
 * folder. Not thread-safe: one syncer owns it.
 */
final class SyncState {
    static final String FILE = ".kith-state.json";

    private final Path file;
    private final ObjectNode root;

    private SyncState(Path file, ObjectNode root) {
        this.file = file;
        this.root = root;
    }

    /**
     * The state of {@code dir}. Tokens saved for another account (or server) are dropped, since
     * they mean nothing to this one; an unreadable file is treated as absent (a full sync follows).
     */
    static SyncState load(Path dir, String account) {
        Path file = dir.resolve(FILE);
        ObjectNode root = Json.object();
        if (Files.isRegularFile(file)) {
            try {
                JsonNode read = Json.MAPPER.readTree(file.toFile());
                if (read != null && read.isObject()) {
                    root = (ObjectNode) read;
                }
            } catch (IOException unreadable) {
                // start over: every group gets a full sync
            }
        }
        SyncState state = new SyncState(file, root);
        root.put("version", 1);
        if (!root.has("groups") || !root.get("groups").isObject()) {
            root.set("groups", Json.object());
        }
        String saved = Json.text(root, "account");
        if (account != null && saved != null && !saved.equals(account)) {
            state.groups().forEach(g -> state.entry(g).remove("syncToken"));
        }
        if (account != null) {
            root.put("account", account);
        }
        return state;
    }

    /** "username@server", the identity tokens are valid for; usernames compare case-insensitively. */
    static String account(String username, String server) {
        return (username == null ? "?" : username.toLowerCase(Locale.ROOT)) + "@" + server;
    }

    Set<String> groups() {
        Set<String> ids = new LinkedHashSet<>();
        for (Iterator<String> it = groupsNode().fieldNames(); it.hasNext(); ) {
            ids.add(it.next());
        }
        return ids;
    }

    boolean knows(String groupId) {
        return groupsNode().has(groupId);
    }

    String token(String groupId) {
        return knows(groupId) ? Json.text(entry(groupId), "syncToken") : null;
    }

    String name(String groupId) {
        return knows(groupId) ? Json.text(entry(groupId), "name") : null;
    }

    /** Records a group (and its current name) before anything of it is written. */
    void track(String groupId, String name) {
        ObjectNode e = entry(groupId);
        if (!Objects.equals(Json.text(e, "name"), name)) {
            e.put("name", name);
        }
    }

    void setToken(String groupId, String token) {
        if (token == null) {
            entry(groupId).remove("syncToken");
        } else {
            entry(groupId).put("syncToken", token);
        }
    }

    void forget(String groupId) {
        groupsNode().remove(groupId);
    }

    /** Writes the file atomically (temporary file, then rename). */
    void save() {
        Path tmp = null;
        try {
            Files.createDirectories(file.getParent());
            tmp = Files.createTempFile(file.getParent(), ".kith-state", ".tmp");
            Files.writeString(tmp, root.toPrettyString() + "\n");
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            tmp = null;
        } catch (IOException e) {
            throw CliError.io("write", file, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // harmless leftover
                }
            }
        }
    }

    Map<String, String> tokens() {
        Map<String, String> tokens = new LinkedHashMap<>();
        groups().forEach(g -> tokens.put(g, token(g)));
        return tokens;
    }

    private ObjectNode groupsNode() {
        return (ObjectNode) root.get("groups");
    }

    private ObjectNode entry(String groupId) {
        JsonNode e = groupsNode().get(groupId);
        if (e == null || !e.isObject()) {
            return groupsNode().putObject(groupId);
        }
        return (ObjectNode) e;
    }
}
