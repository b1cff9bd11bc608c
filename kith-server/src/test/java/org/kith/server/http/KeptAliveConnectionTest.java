package org.kith.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kith.server.support.ServerTest;

/**
 * A client that keeps its connection open (vdirsyncer, DAVx5) sends its next request on the same
 * socket. Answers that never read the request body — a redirect, a refused method, an error —
 * must still consume it, or the server drops the connection under the client's next request.
 * The body is sent late on purpose, the way clients that write headers and body separately do.
 * Draining lives in one place, the kernel's {@link Exchange}, for all three surfaces.
 */
class KeptAliveConnectionTest extends ServerTest {
    private static final String PROPFIND = "<?xml version=\"1.0\"?><propfind xmlns=\"DAV:\"><prop>"
            + "<current-user-principal/></prop></propfind>";

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
        "PROPFIND, /.well-known/carddav, 301",
        "PROPFIND, /, 405",
        "PROPFIND, /dav/, 401",
        "POST, /healthz, 405",
        "GET, /healthz, 200",
        "GET, /web/signin, 200",
    })
    void theConnectionServesTheNextRequestAfterAnAnswerThatIgnoredTheBody(String method, String path, int status)
            throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.server().port()), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            byte[] body = PROPFIND.getBytes(StandardCharsets.UTF_8);
            out.write(head(method, path, body.length));
            out.flush();
            Thread.sleep(150);
            out.write(body);
            out.flush();
            assertThat(readResponse(socket.getInputStream())).startsWith("HTTP/1.1 " + status);

            out.write(head("GET", "/healthz", 0));
            out.flush();
            assertThat(readResponse(socket.getInputStream()))
                    .as("the second request on the same connection is answered").startsWith("HTTP/1.1 200");
        }
    }

    /**
     * Every surface answers through the one kernel, which drops the unread body before any answer:
     * a success that needed no body, the router's 404 and 405, a refused login, a surface's own
     * refusal. Each keeps its own wire form; the connection survives each, whether the body came
     * with a length or chunked.
     */
    @ParameterizedTest(name = "{0} {1} → {2} {3} ({4})")
    @CsvSource({
        // REST: problem+json
        "GET, /api/v1/nothing-here, 404, application/problem+json, length",
        "DELETE, /api/v1/groups/1, 401, application/problem+json, chunked",
        "PUT, /api/v1/openapi.json, 405, application/problem+json, chunked",
        "GET, /api/v1/openapi.json, 200, application/json, length",
        // CardDAV: DAV XML errors
        "OPTIONS, /dav/, 200, , chunked",
        "BREW, /dav/, 405, application/xml, length",
        "REPORT, /dav/addressbooks/nobody/, 401, application/xml, chunked",
        "GET, /.well-known/nothing, 404, text/plain, length",
        // the web UI: pages
        "GET, /web/no-such-page, 404, text/html, length",
        "PUT, /web/signin, 405, text/html, chunked",
        "GET, /web/groups, 303, , chunked",
        "GET, /web/static/kith.css, 200, text/css, length",
    })
    void everySurfaceDropsTheUnreadBodyInTheKernelAndAnswersInItsOwnForm(String method, String path, int status,
            String contentType, String framing) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.server().port()), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            byte[] body = PROPFIND.getBytes(StandardCharsets.UTF_8);
            boolean chunked = framing.equals("chunked");
            out.write(chunked ? chunkedHead(method, path) : head(method, path, body.length));
            out.flush();
            out.write(chunked ? chunk(body) : body);
            out.flush();
            String answer = readResponse(socket.getInputStream());
            assertThat(answer).startsWith("HTTP/1.1 " + status);
            if (contentType != null) {
                assertThat(answer.toLowerCase(Locale.ROOT)).contains("content-type: " + contentType);
            }

            out.write(head("GET", "/healthz", 0));
            out.flush();
            assertThat(readResponse(socket.getInputStream()))
                    .as("the second request on the same connection is answered").startsWith("HTTP/1.1 200");
        }
    }

    private static byte[] chunkedHead(String method, String path) {
        return (method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nDepth: 0\r\n"
                + "Content-Type: application/xml\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** The body as one chunk and the last (empty) chunk. */
    private static byte[] chunk(byte[] body) {
        byte[] size = (Integer.toHexString(body.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] end = "\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[size.length + body.length + end.length];
        System.arraycopy(size, 0, all, 0, size.length);
        System.arraycopy(body, 0, all, size.length, body.length);
        System.arraycopy(end, 0, all, size.length + body.length, end.length);
        return all;
    }

    private static byte[] head(String method, String path, int length) {
        return (method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nDepth: 0\r\n"
                + "Content-Type: application/xml\r\nContent-Length: " + length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** One response: its head and a Content-Length body; empty text when the server closed the connection. */
    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            if (head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                break;
            }
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).strip());
            }
        }
        in.readNBytes(length);
        return text;
    }
}
