package org.kith.core;

import java.time.Clock;
import java.time.Duration;

import org.kith.core.auth.LoginThrottle;
import org.kith.core.auth.PasswordHasher;
import org.kith.core.card.CardRules;
import org.kith.core.feed.ChangeListener;
import org.kith.core.store.Store;

/**
 * The Kith service layer: the only way to read or change state. Surfaces (REST, CardDAV, web,
 * push) hold one instance and call its services; all privacy decisions are made here.
 * Thread-safe.
 */
public final class Kith {
    private final Services services;
    private final Accounts accounts;
    private final Cards cards;
    private final Groups groups;
    private final Entries entries;
    private final Invitations invitations;
    private final Blocks blocks;
    private final Phonebooks phonebooks;
    private final MergedBooks mergedBooks;
    private final PersonalBooks personalBooks;
    private final DirectoryTokens directoryTokens;
    private final BulkMembers bulkMembers;

    public Kith(Store store, Limits limits, Clock clock, PasswordHasher hasher) {
        this(store, limits, clock, hasher, SignUpPolicy.OPEN);
    }

    /** @param signUp who may create an account by signing up ({@link Accounts#signUp}) */
    public Kith(Store store, Limits limits, Clock clock, PasswordHasher hasher, SignUpPolicy signUp) {
        this.services = new Services(store, limits, clock);
        LoginThrottle throttle = new LoginThrottle(clock, Duration.ofMinutes(15), 10, 100);
        this.groups = new Groups(services);
        this.invitations = new Invitations(services);
        this.accounts = new Accounts(services, hasher, throttle, groups, invitations, signUp);
        this.cards = new Cards(services);
        this.entries = new Entries(services, invitations);
        this.blocks = new Blocks(services);
        this.phonebooks = new Phonebooks(services);
        this.mergedBooks = new MergedBooks(services);
        this.personalBooks = new PersonalBooks(services);
        this.directoryTokens = new DirectoryTokens(services, accounts, throttle);
        this.bulkMembers = new BulkMembers(services);
    }

    public Kith(Store store) {
        this(store, Limits.defaults(), Clock.systemUTC(), new PasswordHasher());
    }

    /**
     * Called after every committed change on this database, by this process (on the writer's
     * thread) or by another server process on the same database (on the store's thread); return
     * quickly. See {@link org.kith.core.store.ChangeSignal#subscribe}.
     */
    public void addListener(ChangeListener listener) {
        services.addListener(listener);
    }

    /**
     * Called after every change committed by this process only, before the listeners of
     * {@link #addListener} (on the writer's thread; return quickly). Notices from other nodes
     * never reach it: use it for work exactly one node must do per change.
     */
    public void addLocalListener(ChangeListener listener) {
        services.addLocalListener(listener);
    }

    public Accounts accounts() {
        return accounts;
    }

    public Cards cards() {
        return cards;
    }

    public Groups groups() {
        return groups;
    }

    public Entries entries() {
        return entries;
    }

    public Invitations invitations() {
        return invitations;
    }

    public Blocks blocks() {
        return blocks;
    }

    public Phonebooks phonebooks() {
        return phonebooks;
    }

    /** Every card a viewer may see across their groups, each once: what CardDAV's merged book serves. */
    public MergedBooks mergedBooks() {
        return mergedBooks;
    }

    /** Each person's own read-write address books (CardDAV). */
    public PersonalBooks personalBooks() {
        return personalBooks;
    }

    /** Desk phones' read-only directory tokens, and the directory (LDAP) login. */
    public DirectoryTokens directoryTokens() {
        return directoryTokens;
    }

    /** Many people added to a group at once, by the operator (benchmarks, imports); never offered to users. */
    public BulkMembers bulkMembers() {
        return bulkMembers;
    }

    public Limits limits() {
        return services.limits;
    }

    public CardRules cardRules() {
        return services.cardRules;
    }
}
