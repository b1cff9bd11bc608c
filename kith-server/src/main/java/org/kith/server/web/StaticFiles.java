package org.kith.server.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.kith.core.error.ErrorCode;
import org.kith.core.error.NotFound;
import org.kith.server.http.Route;

/** The UI's stylesheet and script, served from the classpath: nothing is loaded from elsewhere. */
final class StaticFiles {
    private static final Map<String, String> TYPES = Map.of("css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "svg", "image/svg+xml");

    private StaticFiles() {}

    static List<Route> routes() {
        return List.of(WebRoute.publicPage("/web/static/{name}", StaticFiles::serve));
    }

    private static void serve(Visit ex) {
        String name = ex.http().var("name");
        int dot = name.lastIndexOf('.');
        String type = dot < 0 ? null : TYPES.get(name.substring(dot + 1));
        if (type == null || !name.matches("[a-z0-9-]+\\.[a-z]+")) {
            throw new NotFound(ErrorCode.PAGE_NOT_FOUND, "no such file");
        }
        byte[] bytes;
        try (InputStream in = StaticFiles.class.getResourceAsStream("static/" + name)) {
            if (in == null) {
                throw new NotFound(ErrorCode.PAGE_NOT_FOUND, "no such file");
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ex.http().setHeader("Cache-Control", "private, max-age=300");
        ex.http().send(200, type, bytes);
    }
}
