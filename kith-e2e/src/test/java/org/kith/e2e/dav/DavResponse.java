package org.kith.e2e.dav;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Element;

/** One answer from the DAV surface: status, headers, body; readable as multistatus or DAV:error. */
record DavResponse(HttpResponse<byte[]> raw) {

    int status() {
        return raw.statusCode();
    }

    String text() {
        return new String(raw.body(), StandardCharsets.UTF_8);
    }

    byte[] bytes() {
        return raw.body();
    }

    /** The first value of a header, or null. */
    String header(String name) {
        return raw.headers().firstValue(name).orElse(null);
    }

    List<String> headers(String name) {
        return raw.headers().allValues(name);
    }

    String etag() {
        return header("ETag");
    }

    /** Fails with the request and the body unless the status is {@code expected}. */
    DavResponse expect(int expected) {
        if (status() != expected) {
            throw new AssertionError("expected " + expected + " but got " + status() + " for "
                    + raw.request().method() + " " + raw.request().uri() + ":\n" + text());
        }
        return this;
    }

    Multistatus multistatus() {
        expect(207);
        return Multistatus.parse(raw.body());
    }

    /**
     * The precondition/postcondition elements inside a DAV:error body (RFC 4918 §16), as
     * {@code {namespace}name}; empty when the body is not a DAV:error.
     */
    List<String> conditions() {
        List<String> out = new ArrayList<>();
        byte[] body = raw.body();
        String type = header("Content-Type");
        if (body.length == 0 || type == null || !type.contains("xml")) {
            return out;
        }
        Element root = SafeXml.parse(body).getDocumentElement();
        if (Multistatus.is(root, Ns.DAV, "error")) {
            for (Element c : Multistatus.children(root)) {
                out.add(Multistatus.key(c.getNamespaceURI(), c.getLocalName()));
            }
        }
        return out;
    }

    /** The first DAV:error child with this name, or null. */
    Element condition(String ns, String name) {
        Element root = SafeXml.parse(raw.body()).getDocumentElement();
        for (Element c : Multistatus.children(root)) {
            if (Multistatus.is(c, ns, name)) {
                return c;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return raw.request().method() + " " + raw.request().uri() + " -> " + status() + "\n" + text();
    }
}
