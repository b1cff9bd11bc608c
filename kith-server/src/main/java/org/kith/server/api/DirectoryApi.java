package org.kith.server.api;

import static org.kith.server.http.Route.auth;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.kith.core.Kith;
import org.kith.core.error.ErrorCode;
import org.kith.core.model.DirectoryToken;
import org.kith.core.view.NewSecret;
import org.kith.server.directory.PhonebookRoutes;
import org.kith.server.directory.PhonebookUrls;
import org.kith.server.http.Exchange;
import org.kith.server.http.Route;
import org.kith.server.ldap.LdapNames;

/**
 * {@code /directory-tokens} and {@code /directory}: desk phones' tokens (created with the
 * phonebook URLs that carry them, shown once; listed with their last use; revoked) and where
 * my directories are (the LDAP settings, and the phonebook URLs for HTTP Basic).
 */
public final class DirectoryApi implements Resource {
    private final Kith kith;
    private final Function<Exchange, String> baseUrl;
    private final Duration tokenLifetime;
    private final Function<Exchange, Optional<String>> ldapUrl;

    /**
     * @param tokenLifetime how long a new token stays valid (zero: no expiry)
     * @param ldapUrl       the LDAP URL clients should use, empty when LDAP is off
     */
    public DirectoryApi(Kith kith, Function<Exchange, String> baseUrl, Duration tokenLifetime,
                        Function<Exchange, Optional<String>> ldapUrl) {
        this.kith = kith;
        this.baseUrl = baseUrl;
        this.tokenLifetime = tokenLifetime;
        this.ldapUrl = ldapUrl;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                auth("GET", "/api/v1/directory-tokens", "My desk phones' directory tokens", this::list)
                        .returns(200, "DirectoryToken[]"),
                auth("POST", "/api/v1/directory-tokens",
                        "Create a directory token (its secret and URLs are shown only here)", this::create)
                        .body("NewDirectoryToken").query("group", false, "URLs for this group only")
                        .returns(201, "CreatedDirectoryToken"),
                auth("DELETE", "/api/v1/directory-tokens/{id}", "Revoke a directory token", this::revoke)
                        .returns(204, null),
                auth("GET", "/api/v1/directory", "Where my directories are: LDAP settings and phonebook URLs",
                        this::where).returns(200, "Directory"));
    }

    private void list(Exchange ex) {
        ex.json(200, kith.directoryTokens().list(ex.account()).stream().map(DirectoryApi::view).toList());
    }

    private void create(Exchange ex) {
        Long group = PhonebookRoutes.group(ex.query("group"));
        if (group != null) {
            kith.phonebooks().token(ex.account(), group); // 404 unless I am a member
        }
        Requests.Named r = Bodies.json(ex, Requests.Named.class);
        NewSecret s = kith.directoryTokens().create(ex.account(), r.name(), tokenLifetime);
        Map<String, Object> body = view(kith.directoryTokens().get(ex.account(), s.id()));
        body.put("token", s.secret());
        body.put("urls", PhonebookUrls.of(baseUrl.apply(ex), s.secret(), group));
        ex.json(201, body);
    }

    private void revoke(Exchange ex) {
        kith.directoryTokens().revoke(ex.account(), ex.id("id", "directory token", ErrorCode.DIRECTORY_TOKEN_NOT_FOUND));
        ex.noContent();
    }

    private void where(Exchange ex) {
        String username = kith.accounts().account(ex.account()).username();
        Map<String, Object> body = new LinkedHashMap<>();
        ldapUrl.apply(ex).ifPresent(url -> {
            Map<String, Object> ldap = new LinkedHashMap<>();
            ldap.put("url", url);
            ldap.put("baseDn", LdapNames.baseDn(username));
            ldap.put("bindDn", LdapNames.bindDn(username));
            body.put("ldap", ldap);
        });
        body.put("phonebooks", PhonebookUrls.of(baseUrl.apply(ex), PhonebookUrls.BASIC, null));
        ex.json(200, body);
    }

    private static Map<String, Object> view(DirectoryToken t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", Long.toString(t.id()));
        m.put("name", t.name());
        m.put("createdAt", t.createdAt().toString());
        m.put("lastUsedAt", t.lastUsedAt() == null ? null : t.lastUsedAt().toString());
        m.put("expiresAt", t.expiresAt() == null ? null : t.expiresAt().toString());
        return m;
    }
}
