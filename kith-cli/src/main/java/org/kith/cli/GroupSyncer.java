package org.kith.cli;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Brings a folder in line with the server: {@code DIR/<groupId>/} per group I belong to, one card
 * file per card I may see. Uses each group's sync token for "changes since" and falls back to the
 * whole phonebook on the first run or when the server answers 410. Not thread-safe: one thread
 * (the sync command, or the watcher's worker) drives it.
 */
final class GroupSyncer {
    /** What one group's sync did to its folder. */
    record Counts(int added, int updated, int removed) {
        Counts plus(VdirFolder.Change c) {
            return switch (c) {
                case ADDED -> new Counts(added + 1, updated, removed);
                case UPDATED -> new Counts(added, updated + 1, removed);
                case UNCHANGED -> this;
            };
        }

        Counts minusOne() {
            return new Counts(added, updated, removed + 1);
        }

        boolean any() {
            return added + updated + removed > 0;
        }

        @Override
        public String toString() {
            return added + " added, " + updated + " updated, " + removed + " removed";
        }
    }

    private final ApiClient api;
    private final Path root;
    private final SyncState state;
    private final Log log;
    private final boolean live;

    /**
     * {@code live} is watch mode: every card written or removed gets its own log line, and groups
     * where nothing changed stay silent. Otherwise (sync) every group gets one summary line.
     */
    GroupSyncer(ApiClient api, Path root, SyncState state, Log log, boolean live) {
        this.api = api;
        this.root = root;
        this.state = state;
        this.log = log;
        this.live = live;
    }

    SyncState state() {
        return state;
    }

    VdirFolder folder(String groupId) {
        return new VdirFolder(root.resolve(VdirFolder.safeName(groupId)));
    }

    /**
     * Syncs every group I belong to and deletes the folders of groups I no longer belong to.
     * {@code full} ignores the saved tokens (the server's "resync" event asks for that).
     */
    void syncAll(boolean full) {
        Map<String, String> groups = new LinkedHashMap<>();
        for (JsonNode g : api.get("/groups")) {
            groups.put(g.path("id").asText(), g.path("name").asText());
        }
        groups.forEach(state::track);
        state.save();
        for (Map.Entry<String, String> g : groups.entrySet()) {
            try {
                folder(g.getKey()).setDisplayName(g.getValue());
                syncGroup(g.getKey(), full);
            } catch (ApiError e) {
                if (!e.groupNotFound()) {
                    throw e;
                }
                dropGroup(g.getKey()); // left or deleted between the list and now
            }
        }
        for (String id : state.groups()) {
            if (!groups.containsKey(id)) {
                dropGroup(id);
            }
        }
        state.save();
        if (groups.isEmpty() && !live) {
            log.line("no groups to sync");
        }
    }

    /** Syncs one group the cheapest way that is still correct; returns what changed. */
    Counts syncGroup(String groupId, boolean full) {
        String token = state.token(groupId);
        if (token != null && !full) {
            try {
                return report(groupId, incremental(groupId, token), false);
            } catch (ApiError e) {
                if (!e.resyncRequired()) {
                    throw e;
                }
                log.line(label(groupId) + ": the server needs a full resync (" + e.getMessage() + ")");
            }
        }
        return report(groupId, whole(groupId), true);
    }

    /**
     * Applies one pushed {@code card} event. Returns false when it cannot be applied on its own
     * (a group this folder does not hold yet, an unknown op) and the caller should sync instead.
     */
    boolean apply(JsonNode event) {
        String groupId = Json.text(event, "group");
        String uid = Json.text(event, "uid");
        String op = Json.text(event, "op");
        if (groupId == null || uid == null || state.token(groupId) == null) {
            return false;
        }
        VdirFolder folder = folder(groupId);
        String what;
        if ("updated".equals(op)) {
            JsonNode entry = event.get("entry");
            String vcard = Json.text(entry, "vcard");
            if (vcard == null) {
                return false;
            }
            VdirFolder.Change change = folder.put(uid, vcard);
            what = change == VdirFolder.Change.UNCHANGED ? null
                    : (change == VdirFolder.Change.ADDED ? "added " : "updated ") + cardName(entry, uid);
        } else if ("removed".equals(op)) {
            what = folder.remove(uid) ? "removed " + uid : null;
        } else {
            return false;
        }
        String token = Json.text(event, "syncToken");
        if (token != null) {
            state.setToken(groupId, token);
            state.save();
        }
        if (what != null) {
            log.line(label(groupId) + ": " + what);
        }
        return true;
    }

    /** Changes since the token, page after page while the server says there are more. */
    private Counts incremental(String groupId, String token) {
        Counts counts = new Counts(0, 0, 0);
        String since = token;
        JsonNode changes;
        do {
            changes = api.get(UrlPaths.group(groupId, "changes") + "?since=" + UrlPaths.segment(since));
            counts = applyChanges(groupId, changes, counts);
            saveToken(groupId, changes);
            String next = Json.text(changes, "syncToken");
            if (next == null || next.equals(since)) {
                break; // no progress: never loop on a server that repeats itself
            }
            since = next;
        } while (changes.path("more").asBoolean(false));
        return counts;
    }

    private Counts applyChanges(String groupId, JsonNode changes, Counts counts) {
        VdirFolder folder = folder(groupId);
        for (JsonNode entry : changes.path("updated")) {
            String uid = entry.path("uid").asText();
            VdirFolder.Change change = folder.put(uid, entry.path("vcard").asText());
            counts = counts.plus(change);
            if (live && change != VdirFolder.Change.UNCHANGED) {
                log.line(label(groupId) + ": " + change.name().toLowerCase(Locale.ROOT) + " " + cardName(entry, uid));
            }
        }
        for (JsonNode uid : changes.path("removed")) {
            if (folder.remove(uid.asText())) {
                counts = counts.minusOne();
                if (live) {
                    log.line(label(groupId) + ": removed " + uid.asText());
                }
            }
        }
        return counts;
    }

    private Counts whole(String groupId) {
        JsonNode book = api.get(UrlPaths.group(groupId, "phonebook"));
        VdirFolder folder = folder(groupId);
        Counts counts = new Counts(0, 0, 0);
        Set<String> uids = new HashSet<>();
        for (JsonNode entry : book.path("cards")) {
            String uid = entry.path("uid").asText();
            uids.add(uid);
            counts = counts.plus(folder.put(uid, entry.path("vcard").asText()));
        }
        int stale = folder.retainOnly(uids);
        saveToken(groupId, book);
        return new Counts(counts.added(), counts.updated(), counts.removed() + stale);
    }

    private void saveToken(String groupId, JsonNode answer) {
        state.setToken(groupId, Json.text(answer, "syncToken"));
        state.save();
    }

    private Counts report(String groupId, Counts counts, boolean full) {
        if (!live) {
            log.line(label(groupId) + ": " + counts);
        } else if (full && counts.any()) {
            log.line(label(groupId) + ": full sync, " + counts);
        }
        return counts;
    }

    private void dropGroup(String groupId) {
        String label = label(groupId);
        boolean gone = folder(groupId).deleteFolder();
        state.forget(groupId);
        state.save();
        log.line(label + ": no longer a member; " + (gone ? "folder removed"
                : "cards removed, other files left in " + folder(groupId).dir()));
    }

    private String label(String groupId) {
        String name = state.name(groupId);
        return "group " + groupId + (name == null ? "" : " \"" + name + "\"");
    }

    private static String cardName(JsonNode entry, String uid) {
        String fn = Json.text(entry == null ? null : entry.get("card"), "fn");
        return fn != null ? fn + " (" + uid + ")" : uid;
    }
}
