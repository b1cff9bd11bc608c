package org.kith.server.api;

import static org.kith.server.http.Route.auth;
import static org.kith.server.http.Route.open;

import java.util.List;

import org.kith.core.Kith;
import org.kith.core.model.Account;
import org.kith.core.model.Credential;
import org.kith.server.http.Exchange;
import org.kith.server.http.Route;

/** {@code /accounts}: registration and the signed-in account's own lifecycle. */
final class AccountsApi implements Resource {
    private final Kith kith;

    AccountsApi(Kith kith) {
        this.kith = kith;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                open("POST", "/api/v1/accounts", "Sign up: create an account, if the server's sign-up policy allows",
                        this::register)
                        .body("NewAccount").returns(201, "Account"),
                auth("GET", "/api/v1/accounts/me", "The signed-in account", this::me).returns(200, "Account"),
                auth("PATCH", "/api/v1/accounts/me", "Change my display name or region", this::patch)
                        .body("AccountPatch").returns(200, "Account"),
                auth("DELETE", "/api/v1/accounts/me",
                        "Delete my account: my card leaves every group, my data is removed", this::delete)
                        .body("PasswordCheck").returns(204, null),
                auth("PUT", "/api/v1/accounts/me/password",
                        "Change my password; my other sessions end, app passwords keep working", this::password)
                        .body("PasswordChange").returns(204, null),
                auth("GET", "/api/v1/accounts/me/export",
                        "My data as a zip: card.vcf, books/<slug>.vcf, memberships.json, blocks.json", this::export)
                        .returnsText(200, "application/zip"));
    }

    private void register(Exchange ex) {
        Requests.Register r = Bodies.json(ex, Requests.Register.class);
        Account a = kith.accounts().signUp(Requests.require(r.username(), "username"),
                Requests.require(r.password(), "password"), Requests.require(r.displayName(), "displayName"),
                r.region(), r.invitation());
        ex.json(201, Views.account(a));
    }

    private void me(Exchange ex) {
        ex.json(200, Views.account(kith.accounts().account(ex.account())));
    }

    private void patch(Exchange ex) {
        Requests.AccountPatch r = Bodies.json(ex, Requests.AccountPatch.class);
        ex.json(200, Views.account(kith.accounts().update(ex.account(), r.displayName(), r.region())));
    }

    private void delete(Exchange ex) {
        Requests.PasswordCheck r = Bodies.json(ex, Requests.PasswordCheck.class);
        kith.accounts().delete(ex.account(), Requests.require(r.password(), "password"));
        ex.noContent();
    }

    private void password(Exchange ex) {
        Requests.PasswordChange r = Bodies.json(ex, Requests.PasswordChange.class);
        kith.accounts().changePassword(ex.account(), Requests.require(r.current(), "current"),
                Requests.require(r.next(), "new"), sessionToken(ex));
        ex.noContent();
    }

    private void export(Exchange ex) {
        byte[] zip = ExportZip.of(kith.accounts().export(ex.account()));
        ex.setHeader("Content-Disposition", "attachment; filename=\"kith-export.zip\"");
        ex.send(200, "application/zip", zip);
    }

    /** The bearer token this request came with, kept when the password changes; null for Basic. */
    private static String sessionToken(Exchange ex) {
        if (ex.credential().kind() != Credential.Kind.TOKEN) {
            return null;
        }
        return ex.header("Authorization").strip().substring("Bearer ".length()).strip();
    }
}
