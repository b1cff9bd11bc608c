package org.kith.cli;

import java.util.function.Consumer;

/**
 * Turns the lines of a text/event-stream into events, following the HTML spec: {@code id:},
 * {@code event:}, {@code data:} (several lines join with newlines), comments start with ':',
 * and a blank line ends an event. Not thread-safe: one reader per stream.
 */
final class SseReader {
    /** One event; {@code lastId} is the stream's last event id after it. */
    record Event(String type, String data, String lastId) {}

    private final Consumer<Event> sink;
    private String lastId;
    private String type;
    private final StringBuilder data = new StringBuilder();
    private boolean hasData;

    SseReader(Consumer<Event> sink, String lastId) {
        this.sink = sink;
        this.lastId = lastId;
    }

    String lastId() {
        return lastId;
    }

    void line(String raw) {
        String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
        if (line.isEmpty()) {
            if (hasData) {
                sink.accept(new Event(type == null ? "message" : type, data.toString(), lastId));
            }
            type = null;
            data.setLength(0);
            hasData = false;
            return;
        }
        if (line.startsWith(":")) {
            return;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "event" -> type = value;
            case "data" -> {
                if (hasData) {
                    data.append('\n');
                }
                data.append(value);
                hasData = true;
            }
            case "id" -> {
                if (!value.contains("\0")) {
                    lastId = value;
                }
            }
            default -> {
                // retry and unknown fields: nothing to do
            }
        }
    }
}
