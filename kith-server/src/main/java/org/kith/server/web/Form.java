package org.kith.server.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.FormFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;
import org.kith.server.http.HttpError;

/**
 * The fields of a submitted form ({@code application/x-www-form-urlencoded} or
 * {@code multipart/form-data}), with uploaded files kept in memory. Read once per request, with
 * size limits. Confined to the request's thread.
 */
final class Form {
    /** Largest upload accepted: a phone camera's photo, before it is shrunk. */
    static final int MAX_MULTIPART = 15 * 1024 * 1024;

    record Upload(String fileName, byte[] bytes) {}

    private final Map<String, List<String>> values;
    private final Map<String, Upload> files;

    private Form(Map<String, List<String>> values, Map<String, Upload> files) {
        this.values = values;
        this.files = files;
    }

    static Form empty() {
        return new Form(Map.of(), Map.of());
    }

    static Form read(Request request) throws IOException {
        String type = request.getHeaders().get("Content-Type");
        if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
            return multipart(request, type);
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        Fields fields = FormFields.getFields(request);
        for (Fields.Field f : fields) {
            values.put(f.getName(), List.copyOf(f.getValues()));
        }
        return new Form(values, Map.of());
    }

    private static Form multipart(Request request, String contentType) throws IOException {
        if (request.getLength() > MAX_MULTIPART) {
            throw tooLarge();
        }
        byte[] body;
        try (InputStream in = Request.asInputStream(request)) {
            body = in.readNBytes(MAX_MULTIPART + 1);
        }
        if (body.length > MAX_MULTIPART) {
            throw tooLarge();
        }
        String boundary = MultiPart.extractBoundary(contentType);
        if (boundary == null) {
            throw new IOException("multipart form without a boundary");
        }
        MultiPartFormData.Parser parser = new MultiPartFormData.Parser(boundary);
        parser.setMaxLength(MAX_MULTIPART);
        parser.setMaxFileSize(MAX_MULTIPART);
        parser.setMaxMemoryFileSize(MAX_MULTIPART);
        parser.setMaxParts(50);
        Map<String, List<String>> values = new LinkedHashMap<>();
        Map<String, Upload> files = new LinkedHashMap<>();
        try (MultiPartFormData.Parts parts = parser.parse(Content.Source.from(ByteBuffer.wrap(body))).get()) {
            for (MultiPart.Part part : parts) {
                if (part.getFileName() != null) {
                    // ISO-8859-1 maps each byte to one char and back: the file's bytes, unchanged
                    byte[] bytes = part.getContentAsString(StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.ISO_8859_1);
                    files.put(part.getName(), new Upload(part.getFileName(), bytes));
                } else {
                    values.computeIfAbsent(part.getName(), k -> new ArrayList<>())
                            .add(part.getContentAsString(StandardCharsets.UTF_8));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the form", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("the form could not be read: " + e.getCause().getMessage(), e);
        }
        return new Form(values, files);
    }

    /** Refused before the rest is read: the body is larger than {@link #MAX_MULTIPART}. */
    private static HttpError tooLarge() {
        return new HttpError(413, "too-large", "the upload is too large");
    }

    /** The field's first value, or "" when absent. */
    String get(String name) {
        List<String> v = values.get(name);
        return v == null || v.isEmpty() ? "" : v.get(0);
    }

    /** Every value of a repeated field, in form order. */
    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    Upload file(String name) {
        return files.get(name);
    }
}
