package org.kith.core.push;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Storage of push registrations and of the server's VAPID keys, apart from the main storage port:
 * nothing here is part of a phonebook mutation, and every method is its own short transaction.
 * Implementations are thread-safe; several server processes may share one database.
 */
public interface PushStore {

    /**
     * The server's keys: the stored ones, or {@code create}'s, stored now. When several nodes
     * start at once, every one gets the keys that were stored first.
     */
    VapidKeys vapidKeys(Supplier<VapidKeys> create);

    /** What {@link #register} is given: the subscription as the phone sent it, already checked. */
    record Subscription(long accountId, String book, String pushResource, String p256dh, String auth,
                        Instant expiresAt, long seenSeq) {}

    /**
     * Registers a subscription, or, when the account already registered the same push resource
     * for the same book, updates its keys and expiry (keeping its URL and history).
     * @param newPublicId the registration URL's name if a new row is created
     */
    PushRegistration register(Subscription subscription, String newPublicId, Instant now);

    /**
     * Registers many new subscriptions in one transaction (a bulk import; benchmarks): as
     * {@link #register} for each, {@code publicIds} matched by index.
     */
    default void registerAll(List<Subscription> subscriptions, List<String> publicIds, Instant now) {
        for (int i = 0; i < subscriptions.size(); i++) {
            register(subscriptions.get(i), publicIds.get(i), now);
        }
    }

    /** How many registrations are live at {@code now}, across all accounts. */
    int count(Instant now);

    /** The account's registrations, newest first. */
    List<PushRegistration> list(long accountId);

    /** The account's registration with that public id; empty for another account's or an unknown one. */
    Optional<PushRegistration> find(long accountId, String publicId);

    /** Removes the account's registration; false if it has none of that id. */
    boolean delete(long accountId, String publicId);

    /** Removes a registration the push service said is gone (404/410), whoever owns it. */
    void deleteById(long id);

    /** Removes registrations that expired before {@code now}; returns how many. */
    int deleteExpired(Instant now);

    /**
     * The live registrations of the accounts in {@code accountIds} and of the current members of
     * {@code groupIds} (or of everyone when {@code everyone}). Who is concerned only; what each may
     * see is decided by the caller through the services.
     */
    List<PushRegistration> concerned(Collection<Long> accountIds, Collection<Long> groupIds, boolean everyone,
                                     Instant now);

    /**
     * Claims pushes: for each registration id, moves its pushed position up to the given one if it
     * is below it, in one transaction. Returns the ids whose position moved: only for those may a
     * push be sent, so a position is pushed once even when several nodes plan at the same time.
     */
    Set<Long> claim(Map<Long, Long> positions);

    /** Records the outcome of a delivery attempt: success clears the error, failure keeps the last push time. */
    void recordOutcomes(Collection<Outcome> outcomes);

    /** One delivery's result: {@code error} null for accepted. */
    record Outcome(long id, Instant at, String error) {}
}
