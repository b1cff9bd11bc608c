package org.kith.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * Reading request bodies with a size limit, for every surface. An oversized body is refused
 * without being kept in memory; a moderately oversized one is read and dropped first, so the
 * client, still sending, receives the refusal instead of a reset connection.
 */
public final class RequestBodies {
    private static final long DRAIN_LIMIT = 16L * 1024 * 1024;

    private RequestBodies() {}

    /**
     * The body, at most {@code max} bytes.
     * @throws RuntimeException from {@code tooLarge} when the body is longer
     * @throws UncheckedIOException when the body cannot be read
     */
    public static byte[] read(Request request, int max, Supplier<? extends RuntimeException> tooLarge) {
        long declared = request.getLength();
        try (InputStream in = Request.asInputStream(request)) {
            if (declared > max) {
                drain(in, declared);
                throw tooLarge.get();
            }
            byte[] bytes = in.readNBytes(max + 1);
            if (bytes.length > max) {
                drain(in, -1);
                throw tooLarge.get();
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads and drops a body nobody read (within limits), so the connection stays usable. */
    public static void discard(Request request) {
        if (request.getLength() == 0) {
            return;
        }
        try (InputStream in = Request.asInputStream(request)) {
            drain(in, request.getLength());
        } catch (IOException e) {
            // the connection is going away anyway
        }
    }

    /**
     * Drops the part of the body that has already arrived, without waiting for more.
     * @return whether that was the whole body (the connection may serve another request)
     */
    public static boolean dropArrived(Request request) {
        long dropped = 0;
        while (dropped <= DRAIN_LIMIT) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                return false; // more is due: not waited for
            }
            try {
                if (Content.Chunk.isFailure(chunk)) {
                    return false;
                }
                dropped += chunk.remaining();
                if (chunk.isLast()) {
                    return true;
                }
            } finally {
                chunk.release();
            }
        }
        return false;
    }

    /** Huge declared bodies are not read at all: the connection closes instead. */
    private static void drain(InputStream in, long declared) throws IOException {
        if (declared > DRAIN_LIMIT) {
            return;
        }
        byte[] sink = new byte[64 * 1024];
        long total = 0;
        int n;
        while (total < DRAIN_LIMIT && (n = in.read(sink)) > 0) {
            total += n;
        }
    }
}
