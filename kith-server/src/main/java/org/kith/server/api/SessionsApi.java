package org.kith.server.api;

import static org.kith.server.http.Route.auth;
import static org.kith.server.http.Route.open;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kith.core.Kith;
import org.kith.core.model.Credential;
import org.kith.core.view.NewSecret;
import org.kith.server.http.Exchange;
import org.kith.server.http.Route;

/** {@code /sessions}: log in for a bearer token, and revoke the token in use. */
final class SessionsApi implements Resource {
    private final Kith kith;

    SessionsApi(Kith kith) {
        this.kith = kith;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                open("POST", "/api/v1/sessions", "Log in and get a bearer token", this::login)
                        .body("Login").returns(201, "Session"),
                auth("DELETE", "/api/v1/sessions/current", "Revoke the bearer token this request used",
                        this::logout).returns(204, null));
    }

    private void login(Exchange ex) {
        Requests.Login r = Bodies.json(ex, Requests.Login.class);
        NewSecret s = kith.accounts().createSession(Requests.require(r.username(), "username"),
                Requests.require(r.password(), "password"), ex.remoteAddress());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", s.secret());
        body.put("expiresAt", s.expiresAt().toString());
        ex.json(201, body);
    }

    private void logout(Exchange ex) {
        // With Basic credentials there is no session to end; answering 204 keeps "log out" idempotent.
        if (ex.credential().kind() == Credential.Kind.TOKEN) {
            String h = ex.header("Authorization").strip();
            kith.accounts().endSession(h.substring("Bearer ".length()).strip());
        }
        ex.noContent();
    }
}
