package org.kith.cli;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code kith watch DIR}: keeps DIR current. Applies pushed changes as they arrive; while the
 * push stream is down, polls every {@code --interval} and keeps trying to reconnect.
 */
@Command(name = "watch", description = "Keep DIR current: push when connected, polling every --interval otherwise.")
final class WatchCommand implements Callable<Integer> {
    @ParentCommand KithCli root;
    @Parameters(paramLabel = "DIR") Path dir;
    @Option(names = "--interval", defaultValue = "15m", description = "polling interval while push is down (default 15m)")
    String intervalText;

    @Override
    public Integer call() throws InterruptedException {
        Duration interval = Durations.parse(intervalText);
        ApiClient api = root.api();
        GroupSyncer syncer = new GroupSyncer(api, dir, root.out);
        syncer.syncAll();
        long lastSync = System.nanoTime();
        String lastId = null;
        Duration backoff = Duration.ofSeconds(1);
        while (!Thread.currentThread().isInterrupted()) {
            try {
                lastId = stream(api, syncer, lastId);
                backoff = Duration.ofSeconds(1);
            } catch (CliError | IOException e) {
                root.out.println(Log.now() + " push unavailable (" + e.getMessage() + "); polling every " + intervalText);
            }
            if (System.nanoTime() - lastSync >= interval.toNanos()) {
                try {
                    syncer.syncAll();
                } catch (CliError e) {
                    root.out.println(Log.now() + " poll failed: " + e.getMessage());
                }
                lastSync = System.nanoTime();
            }
            Thread.sleep(Math.min(backoff.toMillis(), interval.toMillis()));
            backoff = backoff.multipliedBy(2);
        }
        return 0;
    }

    /** Follows the event stream until it ends; returns the last event id seen. */
    private String stream(ApiClient api, GroupSyncer syncer, String lastId) throws IOException, InterruptedException {
        HttpRequest.Builder req = api.request("/api/v1/events").header("Accept", "text/event-stream").GET();
        if (lastId != null) {
            req.header("Last-Event-ID", lastId);
        }
        HttpResponse<Stream<String>> response;
        try {
            response = api.http().send(req.build(), HttpResponse.BodyHandlers.ofLines());
        } catch (java.net.ConnectException e) {
            throw new CliError(CliError.UNREACHABLE, "cannot reach server at " + api.server());
        }
        if (response.statusCode() != 200) {
            throw new CliError(CliError.FAILED, "the event stream answered HTTP " + response.statusCode());
        }
        if (lastId == null) {
            // The stream now holds every change from here on; a sync after it opened (not before)
            // covers everything earlier, so nothing falls between the two.
            syncer.syncAll();
        }
        root.out.println(Log.now() + " connected; waiting for changes");
        SseReader reader = new SseReader(event -> handle(syncer, event), lastId);
        try (Stream<String> lines = response.body()) {
            Iterator<String> it = lines.iterator();
            while (it.hasNext()) {
                reader.line(it.next());
            }
        } catch (java.io.UncheckedIOException e) {
            // the stream broke; reconnect with the last id
        }
        root.out.println(Log.now() + " push stream closed; reconnecting");
        return reader.lastId();
    }

    private void handle(GroupSyncer syncer, SseReader.Event event) {
        try {
            switch (event.type()) {
                case "card" -> {
                    JsonNode data = ApiClient.JSON.readTree(event.data());
                    syncer.apply(data);
                }
                case "group", "resync" -> syncer.syncAll();
                default -> {
                    // unknown events are for newer clients
                }
            }
        } catch (IOException | CliError e) {
            root.out.println(Log.now() + " could not apply an event: " + e.getMessage());
        }
    }
}
