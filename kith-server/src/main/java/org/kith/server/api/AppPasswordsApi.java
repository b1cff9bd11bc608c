package org.kith.server.api;

import static org.kith.server.http.Route.auth;

import java.util.List;
import java.util.Map;

import org.kith.core.Kith;
import org.kith.core.error.ErrorCode;
import org.kith.core.model.AppPassword;
import org.kith.core.view.NewSecret;
import org.kith.server.http.Exchange;
import org.kith.server.http.Route;

/** {@code /app-passwords}: per-device passwords, created (secret shown once), listed and revoked. */
final class AppPasswordsApi implements Resource {
    private final Kith kith;

    AppPasswordsApi(Kith kith) {
        this.kith = kith;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                auth("GET", "/api/v1/app-passwords", "My app passwords", this::list).returns(200, "AppPassword[]"),
                auth("POST", "/api/v1/app-passwords", "Create an app password (its secret is shown only here)",
                        this::create).body("NewAppPassword").returns(201, "CreatedAppPassword"),
                auth("DELETE", "/api/v1/app-passwords/{id}", "Revoke an app password", this::revoke)
                        .returns(204, null));
    }

    private void list(Exchange ex) {
        ex.json(200, kith.accounts().appPasswords(ex.account()).stream().map(Views::appPassword).toList());
    }

    private void create(Exchange ex) {
        Requests.Named r = Bodies.json(ex, Requests.Named.class);
        NewSecret s = kith.accounts().createAppPassword(ex.account(), r.name());
        AppPassword created = kith.accounts().appPassword(ex.account(), s.id());
        Map<String, Object> body = Views.appPassword(created);
        body.put("password", s.secret());
        ex.json(201, body);
    }

    private void revoke(Exchange ex) {
        kith.accounts().revokeAppPassword(ex.account(), ex.id("id", "app password", ErrorCode.APP_PASSWORD_NOT_FOUND));
        ex.noContent();
    }
}
