package org.kith.server.api;

import static org.kith.server.http.Route.auth;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kith.core.error.ErrorCode;
import org.kith.core.error.NotFound;
import org.kith.core.push.PushRegistration;
import org.kith.server.http.Exchange;
import org.kith.server.http.Route;
import org.kith.server.webpush.WebPush;

/** {@code /push-registrations}: the phones registered for push to my books (WebDAV-Push), listed and removed. */
final class PushRegistrationsApi implements Resource {
    private final WebPush push;

    PushRegistrationsApi(WebPush push) {
        this.push = push;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                auth("GET", "/api/v1/push-registrations", "The phones registered for push to my books", this::list)
                        .returns(200, "PushRegistration[]"),
                auth("DELETE", "/api/v1/push-registrations/{id}", "Stop push to that phone for that book (it polls again)",
                        this::remove).returns(204, null));
    }

    private void list(Exchange ex) {
        ex.json(200, push.registrations(ex.account()).stream().map(r -> view(r, push.bookName(ex.account(), r.book())))
                .toList());
    }

    private void remove(Exchange ex) {
        if (!push.unregister(ex.account(), ex.var("id"))) {
            throw new NotFound(ErrorCode.PUSH_REGISTRATION_NOT_FOUND, "you have no push registration " + ex.var("id"));
        }
        ex.noContent();
    }

    static Map<String, Object> view(PushRegistration r, String bookName) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.publicId());
        m.put("book", r.book());
        m.put("bookName", bookName);
        m.put("pushService", URI.create(r.pushResource()).getHost());
        m.put("createdAt", r.createdAt().toString());
        m.put("expiresAt", r.expiresAt().toString());
        m.put("lastPushAt", r.lastPushAt() == null ? null : r.lastPushAt().toString());
        m.put("lastError", r.lastError());
        return m;
    }
}
