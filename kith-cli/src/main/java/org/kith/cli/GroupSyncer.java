package org.kith.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Brings a vdir in line with the server: a folder per group, a card file per visible card.
 * Incremental with each group's sync token; a full resync when the server asks for one (410).
 */
final class GroupSyncer {
    private final ApiClient api;
    private final Path root;
    private final SyncState state;
    private final PrintWriter out;

    GroupSyncer(ApiClient api, Path root, PrintWriter out) {
        this.api = api;
        this.root = root;
        this.state = SyncState.load(root);
        this.out = out;
    }

    SyncState state() {
        return state;
    }

    VdirFolder folder(String groupId) {
        return new VdirFolder(root.resolve(VdirFolder.fileName(groupId).replace(".vcf", "")));
    }

    /** Syncs every group I belong to, and removes folders of groups I left. */
    synchronized void syncAll() {
        Map<String, String> groups = new LinkedHashMap<>();
        for (JsonNode g : api.get("/api/v1/groups")) {
            groups.put(g.path("id").asText(), g.path("name").asText());
        }
        for (Map.Entry<String, String> g : groups.entrySet()) {
            folder(g.getKey()).setDisplayName(g.getValue());
            syncGroup(g.getKey());
        }
        for (String gone : new HashSet<>(state.tokens.keySet())) {
            if (!groups.containsKey(gone)) {
                folder(gone).deleteAll();
                state.tokens.remove(gone);
                out.println(Log.now() + " removed group " + gone);
            }
        }
        state.save();
    }

    synchronized void syncGroup(String groupId) {
        String token = state.tokens.get(groupId);
        if (token != null) {
            try {
                incremental(groupId, token);
                return;
            } catch (ApiClient.ApiError e) {
                if (e.status != 410) {
                    throw e;
                }
                out.println(Log.now() + " group " + groupId + ": full resync needed");
            }
        }
        full(groupId);
    }

    private void full(String groupId) {
        JsonNode book = api.get("/api/v1/groups/" + Paths.segment(groupId) + "/phonebook");
        VdirFolder folder = folder(groupId);
        Set<String> uids = new HashSet<>();
        for (JsonNode card : book.path("cards")) {
            folder.put(card.path("uid").asText(), card.path("vcard").asText());
            uids.add(card.path("uid").asText());
        }
        int removed = folder.retainOnly(uids);
        state.tokens.put(groupId, book.path("syncToken").asText());
        state.save();
        out.println(Log.now() + " group " + groupId + ": " + uids.size() + " cards, " + removed + " removed");
    }

    private void incremental(String groupId, String token) {
        VdirFolder folder = folder(groupId);
        int updated = 0;
        int removed = 0;
        boolean more = true;
        while (more) {
            JsonNode changes = api.get("/api/v1/groups/" + Paths.segment(groupId) + "/changes?since="
                    + Paths.segment(token));
            for (JsonNode card : changes.path("updated")) {
                folder.put(card.path("uid").asText(), card.path("vcard").asText());
                updated++;
            }
            for (JsonNode uid : changes.path("removed")) {
                folder.remove(uid.asText());
                removed++;
            }
            token = changes.path("syncToken").asText();
            more = changes.path("more").asBoolean(false);
        }
        state.tokens.put(groupId, token);
        state.save();
        if (updated + removed > 0) {
            out.println(Log.now() + " group " + groupId + ": " + updated + " updated, " + removed + " removed");
        }
    }

    /** Applies one pushed card change. */
    synchronized void apply(JsonNode event) {
        String groupId = event.path("group").asText();
        VdirFolder folder = folder(groupId);
        String uid = event.path("uid").asText();
        if ("removed".equals(event.path("op").asText())) {
            folder.remove(uid);
            out.println(Log.now() + " group " + groupId + ": removed " + uid);
        } else {
            folder.put(uid, event.path("entry").path("vcard").asText());
            out.println(Log.now() + " group " + groupId + ": updated " + uid);
        }
        if (event.hasNonNull("syncToken") && state.tokens.containsKey(groupId)) {
            state.tokens.put(groupId, event.get("syncToken").asText());
            state.save();
        }
    }
}
