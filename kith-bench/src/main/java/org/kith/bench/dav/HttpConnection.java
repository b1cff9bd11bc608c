package org.kith.bench.dav;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP/1.1 connection to a loopback server, kept open while the server allows it and opened
 * again when it does not. Written out here because {@link java.net.http.HttpClient} (Java 17)
 * puts a connection back in its pool after an HTTP/1.0 answer, which Radicale's server sends and
 * then closes, so the next request on it fails. Not thread-safe: one per thread.
 */
final class HttpConnection implements AutoCloseable {
    private static final int TIMEOUT_MS = 120_000;

    /** A response: status, headers (lower-case names) and body. */
    record Response(int status, Map<String, String> headers, byte[] body) {}

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    HttpConnection(String host, int port) {
        this.host = host;
        this.port = port;
    }

    Response exchange(String method, String path, Map<String, String> headers, byte[] body) throws IOException {
        if (socket == null) {
            open();
        }
        StringBuilder head = new StringBuilder(256);
        head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        head.append("Host: ").append(host).append(':').append(port).append("\r\n");
        for (Map.Entry<String, String> h : headers.entrySet()) {
            head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
        Response r = read(method);
        String connection = r.headers().getOrDefault("connection", "");
        if (connection.equalsIgnoreCase("close") || r.headers().containsKey(":http/1.0")
                && !connection.equalsIgnoreCase("keep-alive")) {
            close();
        }
        return r;
    }

    private void open() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(TIMEOUT_MS);
        socket.connect(new InetSocketAddress(host, port), 10_000);
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        out = socket.getOutputStream();
    }

    private Response read(String method) throws IOException {
        String status = line();
        if (status == null) {
            throw new IOException("the server closed the connection without answering");
        }
        String[] parts = status.split(" ", 3);
        int code = Integer.parseInt(parts[1]);
        Map<String, String> headers = new TreeMap<>();
        if (parts[0].equals("HTTP/1.0")) {
            headers.put(":http/1.0", "yes");
        }
        for (String h = line(); h != null && !h.isEmpty(); h = line()) {
            int colon = h.indexOf(':');
            headers.put(h.substring(0, colon).strip().toLowerCase(Locale.ROOT), h.substring(colon + 1).strip());
        }
        byte[] body;
        if (method.equals("HEAD") || code == 204 || code == 304) {
            body = new byte[0];
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = chunked();
        } else if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else {
            body = in.readAllBytes();
            headers.put("connection", "close");
        }
        return new Response(code, headers, body);
    }

    private byte[] chunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line();
            int semicolon = size.indexOf(';');
            int n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).strip(), 16);
            if (n == 0) {
                for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
                    // trailers are not used
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(n));
            line(); // the CRLF after the chunk
        }
    }

    /** One header line without its CRLF, or null at the end of the stream. */
    private String line() throws IOException {
        StringBuilder sb = new StringBuilder(64);
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int end = sb.length() > 0 && sb.charAt(sb.length() - 1) == '\r' ? sb.length() - 1 : sb.length();
                return sb.substring(0, end);
            }
            sb.append((char) c);
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing a loopback socket; nothing to do
            }
            socket = null;
        }
    }
}
