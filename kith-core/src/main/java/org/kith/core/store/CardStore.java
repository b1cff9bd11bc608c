package org.kith.core.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.kith.core.model.StoredCard;

/**
 * Each person's own card (one per account, created with it) and the E.164 numbers indexed from
 * it. A card's UID is unique. Confined to its transaction's thread.
 */
public interface CardStore {

    Optional<StoredCard> get(long accountId);

    /**
     * Compare-and-swap update of a person's card: writes only if the stored etag equals
     * {@code expectedEtag} (any etag when null). False when the swap lost or there is no card.
     */
    boolean update(long accountId, String vcard, String etag, String expectedEtag, Instant now);

    /** Gives a person's card a new UID (when a first group membership inherits a managed entry's UID). */
    void setUid(long accountId, String uid);

    /** The account whose own card has this UID. */
    Optional<Long> accountOfUid(String uid);

    /** Replaces the E.164 numbers indexed for a person's card (duplicates count once). */
    void replacePhones(long accountId, Collection<String> e164Numbers);

    /** Accounts whose card holds this E.164 number, in id order. */
    List<Long> accountsWithPhone(String e164);
}
