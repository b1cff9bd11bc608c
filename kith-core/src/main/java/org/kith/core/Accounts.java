package org.kith.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.kith.core.auth.LoginThrottle;
import org.kith.core.auth.PasswordHasher;
import org.kith.core.auth.Secrets;
import org.kith.core.card.CardData;
import org.kith.core.card.PhoneNumbers;
import org.kith.core.card.ValidCard;
import org.kith.core.error.Conflict;
import org.kith.core.error.ErrorCode;
import org.kith.core.error.Invalid;
import org.kith.core.error.NotFound;
import org.kith.core.error.Unauthenticated;
import org.kith.core.model.Account;
import org.kith.core.model.AppPassword;
import org.kith.core.model.Credential;
import org.kith.core.model.Username;
import org.kith.core.view.NewSecret;

/**
 * Registration and authentication: passwords (Argon2id), app passwords, bearer tokens, and the
 * login throttle shared by every surface. Thread-safe.
 */
public final class Accounts {
    private static final Duration VERIFIED_TTL = Duration.ofMinutes(10);
    private static final String SECRET_PEPPER = Secrets.random(32);

    private final Services services;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    // CardDAV clients send Basic credentials on every request; Argon2id on each would cost
    // ~50 ms of CPU. Remember recent successful checks under a peppered hash of the pair.
    private final Map<String, Verified> recentlyVerified = new ConcurrentHashMap<>();

    private record Verified(long accountId, Instant until) {}

    Accounts(Services services, PasswordHasher hasher, LoginThrottle throttle) {
        this.services = services;
        this.hasher = hasher;
        this.throttle = throttle;
    }

    /**
     * Creates an account and its card (named after the display name).
     * @throws Invalid for a bad username, password, display name or region
     * @throws Conflict if the username is taken, in any letter case
     */
    public Account register(String username, String password, String displayName, String region) {
        checkUsername(username);
        if (password == null || password.length() < 8) {
            throw Invalid.value(ErrorCode.PASSWORD_TOO_SHORT, "password", "password must be at least 8 characters")
                    .with("min", 8);
        }
        if (password.length() > 1024) {
            throw Invalid.value(ErrorCode.PASSWORD_TOO_LONG, "password", "password must be at most 1024 characters")
                    .with("max", 1024);
        }
        checkDisplayName(displayName);
        String reg = region == null || region.isBlank() ? services.limits.defaultRegion()
                : region.toUpperCase(Locale.ROOT);
        if (!PhoneNumbers.isKnownRegion(reg)) {
            throw Invalid.value(ErrorCode.REGION_UNKNOWN, "region", "unknown region '" + region
                    + "'; use a two-letter country code such as CN").with("region", region);
        }
        ValidCard card = services.cardRules.fromData(CardData.named(displayName.strip()), null, reg);
        String hash = hasher.hash(password);
        Instant now = services.now();
        long id = services.write(tx -> tx.accounts().insert(Username.of(username), displayName.strip(), hash, reg,
                UUID.randomUUID().toString(), card.canonical(), card.etag(), now))
                .orElseThrow(() -> new Conflict(ErrorCode.USERNAME_TAKEN, "username '" + username + "' is taken",
                        "username").with("username", username));
        return account(id);
    }

    static void checkUsername(String username) {
        if (!Username.wellFormed(username)) {
            throw Invalid.value(ErrorCode.USERNAME_INVALID, "username",
                    "username must be 3-32 letters, digits, '.', '_' or '-'");
        }
    }

    static void checkDisplayName(String displayName) {
        if (displayName == null || displayName.isBlank()) {
            throw Invalid.value(ErrorCode.DISPLAY_NAME_EMPTY, "displayName", "display name must not be empty");
        }
        if (displayName.length() > 100) {
            throw Invalid.value(ErrorCode.DISPLAY_NAME_TOO_LONG, "displayName",
                    "display name must be at most 100 characters").with("max", 100);
        }
    }

    public Account account(long accountId) {
        return services.read(tx -> tx.accounts().get(accountId))
                .orElseThrow(() -> new NotFound(ErrorCode.ACCOUNT_NOT_FOUND, "no such account"));
    }

    public Optional<Account> byUsername(String username) {
        return services.read(tx -> tx.accounts().byUsername(Username.of(username)));
    }

    /**
     * Checks a username with its password or one of its app passwords (HTTP Basic).
     * @param address the client's address, for the throttle (may be null)
     * @throws org.kith.core.error.Throttled after too many failures
     * @throws Unauthenticated for wrong credentials
     */
    public Credential authenticate(String username, String secret, String address) {
        if (username == null || secret == null || username.isEmpty()) {
            throw new Unauthenticated(ErrorCode.CREDENTIALS_REQUIRED, "username and password are required");
        }
        throttle.check(username, address);
        String cacheKey = Secrets.hash(Username.of(username).key() + "\0" + secret + "\0" + SECRET_PEPPER);
        Verified cached = recentlyVerified.get(cacheKey);
        if (cached != null && cached.until().isAfter(services.now())) {
            return new Credential(cached.accountId(), Credential.Kind.PASSWORD, null);
        }
        Optional<Credential> viaAppPassword = appPasswordLogin(username, secret);
        if (viaAppPassword.isPresent()) {
            throttle.succeeded(username);
            return viaAppPassword.get();
        }
        Optional<Account> account = byUsername(username);
        String hash = account.flatMap(a -> services.read(tx -> tx.accounts().passwordHash(a.id()))).orElse(null);
        if (account.isEmpty() || hash == null || !hasher.verify(secret, hash)) {
            throttle.failed(username, address);
            throw new Unauthenticated(ErrorCode.CREDENTIALS_WRONG, "wrong username or password");
        }
        throttle.succeeded(username);
        if (recentlyVerified.size() > 50_000) {
            recentlyVerified.clear();
        }
        recentlyVerified.put(cacheKey, new Verified(account.get().id(), services.now().plus(VERIFIED_TTL)));
        return new Credential(account.get().id(), Credential.Kind.PASSWORD, null);
    }

    private Optional<Credential> appPasswordLogin(String username, String secret) {
        Optional<AppPassword> found = services.read(tx -> tx.credentials()
                .appPasswordBySecretHash(Secrets.hash(secret)));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        AppPassword ap = found.get();
        Account owner = account(ap.accountId());
        if (!Username.same(owner.username(), username)) {
            return Optional.empty();
        }
        Instant now = services.now();
        if (ap.lastUsedAt() == null || ap.lastUsedAt().plus(Duration.ofMinutes(1)).isBefore(now)) {
            services.write(tx -> {
                tx.credentials().touchAppPassword(ap.id(), now);
                return null;
            });
        }
        return Optional.of(new Credential(ap.accountId(), Credential.Kind.APP_PASSWORD, ap.id()));
    }

    /** Checks a bearer token from {@link #createSession}. */
    public Credential authenticateToken(String token) {
        if (token == null || token.isEmpty() || token.length() > 200) {
            throw new Unauthenticated(ErrorCode.TOKEN_INVALID, "invalid or expired token");
        }
        long accountId = services.read(tx -> tx.credentials().sessionAccount(Secrets.hash(token), services.now()))
                .orElseThrow(() -> new Unauthenticated(ErrorCode.TOKEN_INVALID, "invalid or expired token"));
        return new Credential(accountId, Credential.Kind.TOKEN, null);
    }

    /** Logs in with username and password and returns a new bearer token. */
    public NewSecret createSession(String username, String password, String address) {
        Credential credential = authenticate(username, password, address);
        String token = Secrets.random(40);
        Instant expires = services.now().plus(services.limits.sessionTtl());
        services.write(tx -> {
            tx.credentials().insertSession(Secrets.hash(token), credential.accountId(), expires);
            return null;
        });
        return new NewSecret(credential.accountId(), token, expires);
    }

    public void endSession(String token) {
        services.write(tx -> {
            tx.credentials().deleteSession(Secrets.hash(token));
            return null;
        });
    }

    /** Creates an app password; its secret is in the result and nowhere else. */
    public NewSecret createAppPassword(long accountId, String name) {
        if (name == null || name.isBlank()) {
            throw Invalid.value(ErrorCode.DEVICE_NAME_EMPTY, "name", "name the device this password is for");
        }
        if (name.length() > 100) {
            throw Invalid.value(ErrorCode.DEVICE_NAME_TOO_LONG, "name", "name must be at most 100 characters")
                    .with("max", 100);
        }
        String secret = Secrets.random(24);
        long id = services.write(tx -> tx.credentials().insertAppPassword(accountId, name.strip(), Secrets.hash(secret),
                services.now()));
        return new NewSecret(id, secret, null);
    }

    public List<AppPassword> appPasswords(long accountId) {
        return services.read(tx -> tx.credentials().appPasswords(accountId));
    }

    public AppPassword appPassword(long accountId, long id) {
        return appPasswords(accountId).stream().filter(a -> a.id() == id).findFirst()
                .orElseThrow(() -> new NotFound(ErrorCode.APP_PASSWORD_NOT_FOUND, "no such app password"));
    }

    public void revokeAppPassword(long accountId, long id) {
        if (!services.write(tx -> tx.credentials().deleteAppPassword(accountId, id))) {
            throw new NotFound(ErrorCode.APP_PASSWORD_NOT_FOUND, "no such app password");
        }
    }
}
