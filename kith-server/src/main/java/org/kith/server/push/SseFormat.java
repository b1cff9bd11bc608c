package org.kith.server.push;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.annotation.JsonValue;
import ezvcard.VCardVersion;
import org.kith.core.feed.FeedEvent;
import org.kith.core.feed.SyncToken;
import org.kith.core.feed.VisibleCard;
import org.kith.server.http.EntryJson;
import org.kith.server.http.Json;

/**
 * Server-sent event text for feed events, as docs/REST.md describes: {@code event: card},
 * {@code event: group} and {@code event: resync}. Only the last event of each feed position
 * carries an {@code id:}, so a client resuming with Last-Event-ID never skips the rest of a
 * position it saw only part of. Thread-safe.
 */
final class SseFormat {
    // The same card change goes to many streams; render its entry once. The key holds everything
    // the rendering depends on, so a cached entry is exactly what that viewer would be sent.
    private final Map<String, String> entries = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > 2048;
        }
    });

    /** The text of one page of events. */
    String page(List<FeedEvent> events, VCardVersion version, String region) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < events.size(); i++) {
            FeedEvent e = events.get(i);
            boolean lastOfPosition = i == events.size() - 1 || events.get(i + 1).seq() != e.seq();
            event(out, e, lastOfPosition, version, region);
        }
        return out.toString();
    }

    private void event(StringBuilder out, FeedEvent e, boolean withId, VCardVersion version, String region) {
        Map<String, Object> data = new LinkedHashMap<>();
        String type;
        if (e instanceof FeedEvent.CardChanged c) {
            type = "card";
            data.put("group", Long.toString(c.groupId()));
            data.put("op", c.removed() ? "removed" : "updated");
            data.put("uid", c.uid());
            data.put("entry", c.removed() ? null : new RawJson(entry(c.card(), version, region)));
            data.put("syncToken", SyncToken.format(c.seq()));
        } else if (e instanceof FeedEvent.GroupChanged g) {
            type = "group";
            data.put("group", Long.toString(g.groupId()));
            data.put("op", g.op().name().toLowerCase(Locale.ROOT));
            data.put("name", g.group() == null ? null : g.group().name());
        } else {
            type = "resync";
        }
        if (withId) {
            out.append("id: ").append(e.seq()).append('\n');
        }
        out.append("event: ").append(type).append('\n');
        out.append("data: ").append(Json.write(data)).append("\n\n");
    }

    private String entry(VisibleCard card, VCardVersion version, String region) {
        String key = String.join("\n", card.etag(), card.uid(), String.valueOf(card.username()),
                String.valueOf(card.displayName()), String.valueOf(card.managed()), version.getVersion(), region);
        return entries.computeIfAbsent(key, k -> Json.write(EntryJson.of(card, version, region)));
    }

    /** Already-serialised JSON, embedded as it is. */
    record RawJson(@JsonValue @JsonRawValue String json) {}
}
