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
