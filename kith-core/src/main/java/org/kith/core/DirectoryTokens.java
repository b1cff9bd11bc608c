package org.kith.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.kith.core.auth.LoginThrottle;
import org.kith.core.auth.Secrets;
import org.kith.core.error.ErrorCode;
import org.kith.core.error.Invalid;
import org.kith.core.error.NotFound;
import org.kith.core.model.Account;
import org.kith.core.model.DirectoryToken;
import org.kith.core.model.Credential;
import org.kith.core.view.NewSecret;

/**
 * Directory tokens: per-device secrets that let a desk phone read its owner's directories (the
 * XML phonebooks, LDAP) and nothing else. Created (the secret is shown once), listed with their
 * last use, and revoked like app passwords. What a token's owner may see is decided by the
 * phonebook services, as for every other surface. Thread-safe.
 */
public final class DirectoryTokens {
    /** Long enough that guessing is hopeless, so a wrong token needs no throttle of its own. */
    static final int SECRET_LENGTH = 32;

    private final Services services;
    private final Accounts accounts;
    private final LoginThrottle throttle;

    DirectoryTokens(Services services, Accounts accounts, LoginThrottle throttle) {
        this.services = services;
        this.accounts = accounts;
        this.throttle = throttle;
    }

    /**
     * Creates a token named after the device; its secret is in the result and nowhere else.
     * @param lifetime how long it stays valid; null or zero for no expiry
     * @throws Invalid for a blank or over-long name
     */
    public NewSecret create(long accountId, String name, Duration lifetime) {
        if (name == null || name.isBlank()) {
            throw Invalid.value(ErrorCode.DEVICE_NAME_EMPTY, "name", "name the phone this token is for");
        }
        if (name.length() > 100) {
            throw Invalid.value(ErrorCode.DEVICE_NAME_TOO_LONG, "name", "name must be at most 100 characters")
                    .with("max", 100);
        }
        String secret = Secrets.random(SECRET_LENGTH);
        Instant now = services.now();
        Instant expires = lifetime == null || lifetime.isZero() ? null : now.plus(lifetime);
        long id = services.write(tx -> tx.directoryTokens().insertDirectoryToken(accountId, name.strip(), Secrets.hash(secret), now,
                expires));
        return new NewSecret(id, secret, expires);
    }

    /** The account's tokens, oldest first, without their secrets. */
    public List<DirectoryToken> list(long accountId) {
        return services.read(tx -> tx.directoryTokens().directoryTokens(accountId));
    }

    /** @throws NotFound if the account has no token of that id */
    public DirectoryToken get(long accountId, long id) {
        return list(accountId).stream().filter(t -> t.id() == id).findFirst()
                .orElseThrow(() -> new NotFound(ErrorCode.DIRECTORY_TOKEN_NOT_FOUND, "no such directory token"));
    }

    /** @throws NotFound if the account has no token of that id (someone else's included) */
    public void revoke(long accountId, long id) {
        if (!services.write(tx -> tx.directoryTokens().deleteDirectoryToken(accountId, id))) {
            throw new NotFound(ErrorCode.DIRECTORY_TOKEN_NOT_FOUND, "no such directory token");
        }
    }

    /**
     * The account a token from a phonebook URL belongs to, recording its use; empty for an
     * unknown, revoked or expired token (the caller answers "not found" and tells nothing more).
     */
    public Optional<Long> owner(String secret) {
        if (secret == null || secret.length() != SECRET_LENGTH) {
            return Optional.empty();
        }
        Optional<DirectoryToken> token = services.read(tx -> tx.directoryTokens().directoryTokenBySecretHash(Secrets.hash(secret)));
        Instant now = services.now();
        if (token.isEmpty() || token.get().expired(now)) {
            return Optional.empty();
        }
        touch(token.get(), now);
        return Optional.of(token.get().accountId());
    }

    /**
     * A directory login (LDAP simple bind): the username with a directory token of theirs, or
     * with their password or an app password as {@link Accounts#authenticate} checks them.
     * Failures count in the login throttle shared by every surface.
     * @throws org.kith.core.error.Throttled after too many failures
     * @throws org.kith.core.error.Unauthenticated for wrong credentials
     */
    public Credential login(String username, String secret, String address) {
        if (username != null && !username.isEmpty() && secret != null) {
            throttle.check(username, address);
            Optional<Long> owner = owner(secret);
            if (owner.isPresent()) {
                Optional<Account> account = accounts.byUsername(username);
                if (account.isPresent() && account.get().id() == owner.get()) {
                    throttle.succeeded(username);
                    return new Credential(owner.get(), Credential.Kind.TOKEN, null);
                }
            }
        }
        return accounts.authenticate(username, secret, address);
    }

    private void touch(DirectoryToken token, Instant now) {
        if (token.lastUsedAt() == null || token.lastUsedAt().plus(Duration.ofMinutes(1)).isBefore(now)) {
            services.write(tx -> {
                tx.directoryTokens().touchDirectoryToken(token.id(), now);
                return null;
            });
        }
    }
}
