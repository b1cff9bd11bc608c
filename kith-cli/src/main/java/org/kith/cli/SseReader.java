package org.kith.cli;

import java.io.IOException;
import java.io.Reader;
import java.util.function.Consumer;

/**
 * Parses a {@code text/event-stream} as the HTML standard's "event stream interpretation" says:
 * lines end in CR LF, LF or CR; {@code field: value} with one optional space after the colon;
 * {@code data} lines join with "\n"; a line starting with ':' is a comment; a blank line
 * dispatches the event (not when it has no data); {@code id} (unless it holds NUL) becomes the
 * last event id even for events that are not dispatched; {@code retry} takes only digits; unknown
 * fields are ignored, and a half-received event at the end of the stream is dropped.
 * Not thread-safe: one reader per stream.
 */
final class SseReader {
    /** A dispatched event; {@code lastEventId} is the id in force when it was dispatched. */
    record Event(String type, String data, String lastEventId) {}

    private final Consumer<Event> sink;
    private final StringBuilder data = new StringBuilder();
    private final StringBuilder line = new StringBuilder();
    private String type = "";
    private String idBuffer;
    private String lastEventId;
    private Long retryMillis;
    private boolean afterCr;
    private boolean started;

    /** {@code lastEventId} is the id to start from (null on a fresh stream). */
    SseReader(String lastEventId, Consumer<Event> sink) {
        this.sink = sink;
        this.lastEventId = lastEventId;
        this.idBuffer = lastEventId;
    }

    String lastEventId() {
        return lastEventId;
    }

    /** The server's {@code retry:} advice in milliseconds, or null if it gave none. */
    Long retryMillis() {
        return retryMillis;
    }

    /** Reads until the end of the stream (or until reading fails, which the caller sees). */
    void readAll(Reader in) throws IOException {
        char[] buf = new char[8192];
        int n;
        while ((n = in.read(buf)) != -1) {
            feed(buf, 0, n);
        }
    }

    /** Takes the next chunk of decoded text; chunks may split lines anywhere, even CR from LF. */
    void feed(char[] chars, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            char c = chars[i];
            if (!started) {
                started = true;
                if (c == '\uFEFF') {
                    continue; // a byte order mark at the very start is not part of the first line
                }
            }
            if (afterCr) {
                afterCr = false;
                if (c == '\n') {
                    continue; // the LF of a CR LF pair
                }
            }
            if (c == '\r' || c == '\n') {
                afterCr = c == '\r';
                endOfLine();
            } else {
                line.append(c);
            }
        }
    }

    void feed(String text) {
        feed(text.toCharArray(), 0, text.length());
    }

    private void endOfLine() {
        String l = line.toString();
        line.setLength(0);
        if (l.isEmpty()) {
            dispatch();
            return;
        }
        if (l.charAt(0) == ':') {
            return; // a comment, such as the server's ": ping"
        }
        int colon = l.indexOf(':');
        String field = colon < 0 ? l : l.substring(0, colon);
        String value = colon < 0 ? "" : l.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "event" -> type = value;
            case "data" -> data.append(value).append('\n');
            case "id" -> {
                if (value.indexOf('\0') < 0) {
                    idBuffer = value;
                }
            }
            case "retry" -> {
                if (!value.isEmpty() && value.chars().allMatch(ch -> ch >= '0' && ch <= '9') && value.length() < 18) {
                    retryMillis = Long.parseLong(value);
                }
            }
            default -> {
                // unknown fields are ignored
            }
        }
    }

    private void dispatch() {
        lastEventId = idBuffer;
        if (data.length() == 0) {
            type = "";
            return;
        }
        data.setLength(data.length() - 1); // the last "\n"
        String eventType = type.isEmpty() ? "message" : type;
        String payload = data.toString();
        data.setLength(0);
        type = "";
        sink.accept(new Event(eventType, payload, lastEventId));
    }
}
