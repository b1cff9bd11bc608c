package org.kith.server.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * An event stream over a bare socket, for what HttpClient cannot do cheaply: hundreds of streams
 * without a thread each, and a client that stops reading.
 */
public final class RawStream implements AutoCloseable {
    private final Socket socket;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();

    /** Opens {@code GET /api/v1/events}; {@code receiveBuffer} > 0 shrinks the socket's receive buffer. */
    public RawStream(int port, String authorization, int receiveBuffer) throws IOException {
        socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        String request = "GET /api/v1/events HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: "
                + authorization + "\r\nAccept: text/event-stream\r\n\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    /** Reads until the text received so far contains {@code needle}; false after the timeout. */
    public boolean awaitText(String needle, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        InputStream in = socket.getInputStream();
        byte[] buf = new byte[8192];
        while (!text().contains(needle)) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return false;
            }
            socket.setSoTimeout((int) Math.max(1, left));
            try {
                int n = in.read(buf);
                if (n < 0) {
                    return text().contains(needle);
                }
                received.write(buf, 0, n);
            } catch (SocketTimeoutException e) {
                return false;
            }
        }
        return true;
    }

    public String text() {
        return received.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
