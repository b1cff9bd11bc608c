package org.kith.server.push;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import ezvcard.VCardVersion;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.kith.core.Kith;
import org.kith.core.feed.ChangeNotice;
import org.kith.core.feed.FeedEvent;
import org.kith.core.feed.SyncToken;
import org.kith.core.view.FeedPage;
import org.kith.server.http.EntryJson;
import org.kith.server.http.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes each viewer's visible changes to their open event streams. Told of every committed
 * change (locally or, with PostgreSQL, by other nodes), it re-reads the feed of each stream the
 * change may concern from that stream's position — the same read polling uses, so both agree.
 * Thread-safe.
 */
public final class EventHub implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);
    private static final int PAGE = 500;

    private final Kith kith;
    private final Set<SseStream> streams = ConcurrentHashMap.newKeySet();
    // Two lanes (the machine's cores), each stream always on the same lane so its events stay in order.
    private final ExecutorService[] lanes = {
        Executors.newSingleThreadExecutor(r -> daemon(r, "kith-push-0")),
        Executors.newSingleThreadExecutor(r -> daemon(r, "kith-push-1"))};
    // One card change is rendered once, not once per stream that receives it.
    private final Map<String, String> renderedEntries = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                    return size() > 2048;
                }
            });
    private final ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "kith-ping"));

    public EventHub(Kith kith) {
        this.kith = kith;
        kith.addListener(this::committed);
        pinger.scheduleAtFixedRate(() -> streams.forEach(s -> s.send(": ping\n\n")), 15, 15, TimeUnit.SECONDS);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    public int openStreams() {
        return streams.size();
    }

    /** Opens a stream for {@code account} from {@code position} (null: from now). */
    public void open(long account, Long position, Response response, Callback callback) {
        long start = position != null ? position : kith.phonebooks().position();
        SseStream[] holder = new SseStream[1];
        SseStream stream = new SseStream(account, response, callback, kith.phonebooks().groupIds(account), start,
                () -> streams.remove(holder[0]));
        holder[0] = stream;
        streams.add(stream);
        stream.send("retry: 3000\n: connected\n\n");
        if (position != null) {
            lane(stream).execute(() -> deliver(stream));
        }
    }

    private ExecutorService lane(SseStream stream) {
        return lanes[(int) (stream.account % lanes.length)];
    }

    private void committed(ChangeNotice notice) {
        for (int i = 0; i < lanes.length; i++) {
            int lane = i;
            lanes[i].execute(() -> {
                for (SseStream stream : streams) {
                    if (stream.account % lanes.length == lane && notice.mayConcern(stream.account, stream.groups)) {
                        deliver(stream);
                    }
                }
            });
        }
    }

    /** Runs on the stream's lane only, so each stream's position moves in order. */
    private void deliver(SseStream stream) {
        try {
            boolean more = true;
            while (more && !stream.isClosed()) {
                FeedPage page = kith.phonebooks().events(stream.account, stream.position, PAGE);
                more = page.events().size() >= PAGE && page.position() > stream.position;
                String region = null;
                StringBuilder out = new StringBuilder();
                boolean groupsChanged = false;
                var events = page.events();
                for (int i = 0; i < events.size(); i++) {
                    FeedEvent e = events.get(i);
                    boolean lastOfPosition = i == events.size() - 1 || events.get(i + 1).seq() != e.seq();
                    if (region == null) {
                        region = kith.accounts().account(stream.account).region();
                    }
                    groupsChanged |= e instanceof FeedEvent.GroupChanged || e instanceof FeedEvent.ResyncRequired;
                    out.append(format(e, lastOfPosition, region, renderedEntries));
                }
                if (groupsChanged) {
                    stream.groups = kith.phonebooks().groupIds(stream.account);
                }
                stream.position = page.position();
                if (out.length() > 0) {
                    stream.send(out.toString());
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("delivering events to account {} failed; closing its stream", stream.account, e);
            stream.close();
        }
    }

    private static String format(FeedEvent e, boolean withId, String region, Map<String, String> cache) {
        Map<String, Object> data = new LinkedHashMap<>();
        String type;
        if (e instanceof FeedEvent.CardChanged c) {
            type = "card";
            data.put("group", Long.toString(c.groupId()));
            data.put("op", c.removed() ? "removed" : "updated");
            data.put("uid", c.uid());
            data.put("entry", c.removed() ? null : new RawJson(cache.computeIfAbsent(
                    c.card().etag() + "|" + c.card().uid() + "|" + c.card().username() + "|" + c.card().displayName() + "|" + region,
                    k -> Json.write(EntryJson.of(c.card(), VCardVersion.V3_0, region)))));
            data.put("syncToken", SyncToken.format(c.seq()));
        } else if (e instanceof FeedEvent.GroupChanged g) {
            type = "group";
            data.put("group", Long.toString(g.groupId()));
            data.put("op", g.op().name().toLowerCase(java.util.Locale.ROOT));
            data.put("name", g.group() == null ? null : g.group().name());
        } else {
            type = "resync";
        }
        StringBuilder sb = new StringBuilder();
        if (withId) {
            sb.append("id: ").append(e.seq()).append('\n');
        }
        sb.append("event: ").append(type).append('\n');
        sb.append("data: ").append(Json.write(data)).append("\n\n");
        return sb.toString();
    }

    /** Already-serialised JSON embedded as is. */
    record RawJson(@com.fasterxml.jackson.annotation.JsonValue @com.fasterxml.jackson.annotation.JsonRawValue String json) {}

    @Override
    public void close() {
        pinger.shutdownNow();
        for (ExecutorService lane : lanes) {
            lane.shutdownNow();
        }
        streams.forEach(SseStream::close);
    }
}
