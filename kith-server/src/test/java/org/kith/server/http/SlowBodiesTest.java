package org.kith.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kith.server.support.TestServer;

/**
 * Strangers trickling request bodies (one byte a second, a declared 100,000) to the two open
 * POSTs cannot stop the server: other requests are answered, and the trickling connections are
 * cut off (a 503 at once beyond the readers' limit, a 408 once a body is late, a web form without
 * its CSRF cookie refused on the headers).
 */
class SlowBodiesTest {
    private static final int CONNECTIONS = 220; // more than the server's 200 request threads

    @TempDir
    static Path dir;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        // a 100,000-byte body is due after 2 s + 100,000 / 50,000 s
        server = TestServer.start(dir, "--body-min-rate", "50000", "--body-grace-seconds", "2");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void tricklingBodiesDoNotStopTheServerAndAreCutOff() throws Exception {
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < CONNECTIONS; i++) {
                Socket s = new Socket("127.0.0.1", server.server().port());
                String path = i % 2 == 0 ? "/api/v1/accounts" : "/web/signin";
                String type = i % 2 == 0 ? "application/json" : "application/x-www-form-urlencoded";
                s.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + type
                        + "\r\nContent-Length: 100000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                sockets.add(s);
            }
            boolean[] cut = new boolean[CONNECTIONS];
            Thread trickler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    for (int i = 0; i < sockets.size(); i++) {
                        cut[i] |= trickle(sockets.get(i));
                    }
                    try {
                        Thread.sleep(1000); // the attacker's pace, not a wait for the server
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            trickler.setDaemon(true);
            trickler.start();
            try {
                // meanwhile an ordinary request is answered (a generous deadline for a loaded machine)
                HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(
                        URI.create(server.baseUrl() + "/healthz")).timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).isEqualTo(200);

                // every trickling connection is cut off: answered, or closed
                Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
                int open = CONNECTIONS;
                while (Instant.now().isBefore(deadline)) {
                    open = 0;
                    for (int i = 0; i < CONNECTIONS; i++) {
                        if (!cut[i] && !answered(sockets.get(i))) {
                            open++;
                        }
                    }
                    if (open == 0) {
                        break;
                    }
                    Thread.sleep(200);
                }
                assertThat(open).as("trickling connections still being read").isZero();
                // and once they are gone, bodies are read again
                server.register("after-the-flood").get("/api/v1/accounts/me").expect(200);
            } finally {
                trickler.interrupt();
                trickler.join(10_000);
            }
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
        }
    }

    /**
     * Web posts that the headers alone refuse are answered without waiting for the body: a
     * multipart body anywhere but the photo upload, a post without a CSRF cookie, an upload
     * without a session. The declared 15 MB never comes; the answer does.
     */
    @Test
    void webPostsRefusedByTheirHeadersAreAnsweredBeforeTheBody() throws Exception {
        String cookie = "kith_csrf=" + "a".repeat(32);
        assertThat(headersOnly("/web/signin", "multipart/form-data; boundary=x", cookie)).startsWith("HTTP/1.1 415");
        assertThat(headersOnly("/web/groups", "multipart/form-data; boundary=x", cookie)).startsWith("HTTP/1.1 303");
        assertThat(headersOnly("/web/signin", "application/x-www-form-urlencoded", null)).startsWith("HTTP/1.1 403");
        assertThat(headersOnly("/web/card/photo", "multipart/form-data; boundary=x", null)).startsWith("HTTP/1.1 403");
        assertThat(headersOnly("/web/card/photo", "multipart/form-data; boundary=x", cookie))
                .startsWith("HTTP/1.1 303"); // to sign in
    }

    /** Sends a POST's headers and the first byte of a 15 MB body; the status line of the answer. */
    private static String headersOnly(String path, String type, String cookie) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.server().port())) {
            s.setSoTimeout(30_000);
            s.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + type
                    + (cookie == null ? "" : "\r\nCookie: " + cookie)
                    + "\r\nContent-Length: 15000000\r\n\r\n-").getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = s.getInputStream().read()) >= 0 && c != '\r') {
                line.append((char) c);
            }
            return line.toString();
        }
    }

    /** Sends one more byte; true when the server has closed the connection. */
    private static synchronized boolean trickle(Socket s) {
        try {
            OutputStream out = s.getOutputStream();
            out.write('x');
            out.flush();
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static boolean answered(Socket s) {
        try {
            return s.getInputStream().available() > 0;
        } catch (IOException e) {
            return true;
        }
    }
}
