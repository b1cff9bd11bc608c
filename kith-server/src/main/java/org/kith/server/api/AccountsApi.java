package org.kith.server.api;

import static org.kith.server.http.Route.auth;
import static org.kith.server.http.Route.open;

import java.util.List;

import org.kith.core.Kith;
import org.kith.core.model.Account;
import org.kith.server.http.Exchange;
import org.kith.server.http.Route;

/** {@code /accounts}: registration and the signed-in account. */
final class AccountsApi implements Resource {
    private final Kith kith;

    AccountsApi(Kith kith) {
        this.kith = kith;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                open("POST", "/api/v1/accounts", "Register an account", this::register)
                        .body("NewAccount").returns(201, "Account"),
                auth("GET", "/api/v1/accounts/me", "The signed-in account", this::me).returns(200, "Account"));
    }

    private void register(Exchange ex) {
        Requests.Register r = Bodies.json(ex, Requests.Register.class);
        Account a = kith.accounts().register(Requests.require(r.username(), "username"),
                Requests.require(r.password(), "password"), Requests.require(r.displayName(), "displayName"),
                r.region());
        ex.json(201, Views.account(a));
    }

    private void me(Exchange ex) {
        ex.json(200, Views.account(kith.accounts().account(ex.account())));
    }
}
