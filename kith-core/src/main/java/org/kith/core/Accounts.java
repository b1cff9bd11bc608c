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
import ezvcard.VCardVersion;
import org.kith.core.card.CardCodec;
import org.kith.core.card.CardData;
import org.kith.core.card.PhoneNumbers;
import org.kith.core.card.ValidCard;
import org.kith.core.error.Conflict;
import org.kith.core.error.ErrorCode;
import org.kith.core.error.Forbidden;
import org.kith.core.error.Invalid;
import org.kith.core.error.NotFound;
import org.kith.core.error.Unauthenticated;
import org.kith.core.model.Account;
import org.kith.core.model.AppPassword;
import org.kith.core.model.ChangeKind;
import org.kith.core.model.Credential;
import org.kith.core.model.Member;
import org.kith.core.model.PersonalCard;
import org.kith.core.model.StoredCard;
import org.kith.core.model.Username;
import org.kith.core.view.AccountExport;
import org.kith.core.view.BlockView;
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
    private final Groups groups;
    private final Invitations invitations;
    private final SignUpPolicy signUpPolicy;
    // CardDAV clients send Basic credentials on every request; Argon2id on each would cost
    // ~50 ms of CPU. Remember recent successful checks under a peppered hash of the pair.
    private final Map<String, Verified> recentlyVerified = new ConcurrentHashMap<>();

    private record Verified(long accountId, Instant until) {}

    Accounts(Services services, PasswordHasher hasher, LoginThrottle throttle, Groups groups,
             Invitations invitations, SignUpPolicy signUpPolicy) {
        this.services = services;
        this.hasher = hasher;
        this.throttle = throttle;
        this.groups = groups;
        this.invitations = invitations;
        this.signUpPolicy = signUpPolicy;
    }

    /** Who may sign up on this server. */
    public SignUpPolicy signUpPolicy() {
        return signUpPolicy;
    }

    /**
     * Someone signing up: {@link #register} if the server's {@link SignUpPolicy} lets them. The
     * invitation (a link's code, or the whole link) is checked, not used: the new account joins
     * with it afterwards, as anyone does.
     * @param invitation the code or link the person was sent; may be null unless the policy is {@code invite}
     * @throws Forbidden {@code sign-up-closed}; {@code sign-up-invitation-required} or
     *         {@code sign-up-invitation-invalid} (field {@code invitation}); nothing is created
     */
    public Account signUp(String username, String password, String displayName, String region, String invitation) {
        switch (signUpPolicy) {
            case CLOSED -> throw new Forbidden(ErrorCode.SIGN_UP_CLOSED,
                    "sign-up is closed on this server: ask its operator to create your account");
            case INVITE -> {
                if (invitation == null || invitation.isBlank()) {
                    throw new Forbidden(ErrorCode.SIGN_UP_INVITATION_REQUIRED,
                            "this server lets only invited people sign up: give the invitation code or link you "
                                    + "were sent", "invitation");
                }
                if (!invitations.usableLink(invitation)) {
                    throw new Forbidden(ErrorCode.SIGN_UP_INVITATION_INVALID,
                            "this invitation cannot be used to sign up: it is unknown, expired, used up or revoked",
                            "invitation");
                }
            }
            case OPEN -> {
                // anyone may
            }
        }
        return register(username, password, displayName, region);
    }

    /**
     * Creates an account and its card (named after the display name), whatever the sign-up
     * policy: for the operator's own commands; people signing up go through {@link #signUp}.
     * @throws Invalid for a bad username, password, display name or region
     * @throws Conflict if the username is taken, in any letter case
     */
    public Account register(String username, String password, String displayName, String region) {
        checkUsername(username);
        checkPassword(password, "password");
        checkDisplayName(displayName);
        String reg = region == null || region.isBlank() ? services.limits.defaultRegion() : checkRegion(region);
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

    static void checkPassword(String password, String field) {
        if (password == null || password.length() < 8) {
            throw Invalid.value(ErrorCode.PASSWORD_TOO_SHORT, field, field + " must be at least 8 characters")
                    .with("min", 8);
        }
        if (password.length() > 1024) {
            throw Invalid.value(ErrorCode.PASSWORD_TOO_LONG, field, field + " must be at most 1024 characters")
                    .with("max", 1024);
        }
    }

    static String checkRegion(String region) {
        String reg = region.strip().toUpperCase(Locale.ROOT);
        if (!PhoneNumbers.isKnownRegion(reg)) {
            throw Invalid.value(ErrorCode.REGION_UNKNOWN, "region", "unknown region '" + region
                    + "'; use a two-letter country code such as CN").with("region", region);
        }
        return reg;
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

    // ---- the account's own lifecycle ---------------------------------------------------------

    /**
     * Replaces the password after checking the current one. Every session of the account ends
     * except {@code keptSessionToken} (the caller's own, may be null); app passwords keep working.
     * @throws org.kith.core.error.Forbidden ({@code password-wrong}) if {@code current} is wrong; nothing changes
     * @throws Invalid for a new password that is too short or too long
     */
    public void changePassword(long accountId, String current, String next, String keptSessionToken) {
        checkPassword(next, "new");
        Account account = requirePassword(accountId, current);
        String hash = hasher.hash(next);
        services.write(tx -> {
            tx.accounts().setPasswordHash(accountId, hash);
            tx.credentials().deleteSessions(accountId, keptSessionToken == null ? null : Secrets.hash(keptSessionToken));
            return null;
        });
        forgetVerified(account.id());
    }

    /**
     * Changes the display name and the region phone numbers are read in; null leaves a field as
     * it is. Members of the account's groups are told (their member lists show the name).
     * @throws Invalid for an empty or too long name or an unknown region
     */
    public Account update(long accountId, String displayName, String region) {
        if (displayName != null) {
            checkDisplayName(displayName);
        }
        String reg = region == null ? null : checkRegion(region);
        return services.mutate((tx, feed) -> {
            Account a = tx.accounts().get(accountId)
                    .orElseThrow(() -> new NotFound(ErrorCode.ACCOUNT_NOT_FOUND, "no such account"));
            String name = displayName == null ? a.displayName() : displayName.strip();
            tx.accounts().update(accountId, name, reg == null ? a.region() : reg);
            if (!name.equals(a.displayName())) {
                for (var g : tx.groups().groupsOf(accountId)) {
                    feed.group(g.id(), null, null, ChangeKind.GROUP);
                }
            }
            return tx.accounts().get(accountId).orElseThrow();
        });
    }

    /**
     * Deletes the account after checking its password, in one transaction: its card leaves every
     * group (each member's devices drop it at their next sync), groups it owns pass to their
     * longest-standing other member, groups where it is alone are deleted; its pending
     * invitations are revoked; its blocks, personal books, sessions, app passwords, desk-phone
     * directory tokens, card (with its photo) and name are removed. The username becomes free.
     * @throws org.kith.core.error.Forbidden ({@code password-wrong}) if the password is wrong; nothing changes
     */
    public void delete(long accountId, String password) {
        requirePassword(accountId, password);
        services.mutate((tx, feed) -> {
            groups.leaveAll(tx, feed, accountId);
            tx.invitations().revokePendingOf(accountId);
            tx.blocks().deleteAllOf(accountId);
            tx.books().deleteAllOf(accountId);
            tx.credentials().deleteSessions(accountId, null);
            tx.credentials().deleteAppPasswords(accountId);
            for (var token : tx.directoryTokens().directoryTokens(accountId)) {
                tx.directoryTokens().deleteDirectoryToken(accountId, token.id());
            }
            tx.accounts().delete(accountId, services.now());
            return null;
        });
        forgetVerified(accountId);
    }

    /**
     * Everything the account holds, for taking it elsewhere: its card (vCard 3.0 as devices get
     * it), its personal books' cards as stored, its memberships and its blocks.
     */
    public AccountExport export(long accountId) {
        return services.read(tx -> {
            Account a = tx.accounts().get(accountId)
                    .orElseThrow(() -> new NotFound(ErrorCode.ACCOUNT_NOT_FOUND, "no such account"));
            StoredCard stored = Cards.card(tx, accountId);
            // as devices get it (3.0, with its UID), not the stored canonical form
            String card = CardCodec.render(stored.vcard(), stored.uid(), VCardVersion.V3_0);
            List<AccountExport.Book> books = tx.books().list(accountId).stream()
                    .map(b -> new AccountExport.Book(b.slug(), b.displayName(), b.description(),
                            tx.bookCards().list(b.id()).stream().map(PersonalCard::vcard).toList()))
                    .toList();
            List<AccountExport.Membership> memberships = tx.groups().groupsOf(accountId).stream()
                    .map(g -> {
                        Member m = tx.groups().member(g.id(), accountId).orElseThrow();
                        return new AccountExport.Membership(g.id(), g.name(), m.role(), m.joinedAt());
                    }).toList();
            List<BlockView> blocks = tx.blocks().blocksBy(accountId).stream().map(b -> {
                Account other = tx.accounts().get(b.blockedId()).orElseThrow();
                return new BlockView(other.username(), other.displayName(), b.createdAt());
            }).toList();
            return new AccountExport(a, card, books, memberships, blocks);
        });
    }

    private Account requirePassword(long accountId, String password) {
        Account account = account(accountId);
        throttle.check(account.username(), null);
        String hash = services.read(tx -> tx.accounts().passwordHash(accountId)).orElse(null);
        if (password == null || hash == null || !hasher.verify(password, hash)) {
            throttle.failed(account.username(), null);
            throw new Forbidden(ErrorCode.PASSWORD_WRONG, "the password is wrong", "password");
        }
        return account;
    }

    /** A changed or deleted password must stop working at once, not when its cache entry expires. */
    private void forgetVerified(long accountId) {
        recentlyVerified.values().removeIf(v -> v.accountId() == accountId);
    }
}
