package org.kith.core;

import org.kith.core.card.CardCodec;
import org.kith.core.card.CardData;
import org.kith.core.card.ValidCard;
import org.kith.core.error.ErrorCode;
import org.kith.core.error.NotFound;
import org.kith.core.error.PreconditionFailed;
import org.kith.core.model.Account;
import org.kith.core.model.ChangeKind;
import org.kith.core.model.Group;
import org.kith.core.model.Member;
import org.kith.core.model.StoredCard;
import org.kith.core.store.StoreTx;
import org.kith.core.view.OwnCard;

/**
 * A person's own card: read it, replace it (structured or as vCard), with compare-and-swap on
 * the ETag. A change is written to the feed of every group the person belongs to in the same
 * transaction. Thread-safe.
 */
public final class Cards {
    private final Services services;

    Cards(Services services) {
        this.services = services;
    }

    public OwnCard myCard(long accountId) {
        return services.read(tx -> toOwn(tx, card(tx, accountId), region(tx, accountId)));
    }

    /**
     * Replaces the fields of the structured form; other vCard properties are kept.
     * @param condition compared with the card's served ETag inside the write
     * @throws PreconditionFailed when {@code condition} does not hold
     */
    public OwnCard update(long accountId, CardData data, Precondition condition) {
        Precondition.require(condition);
        return services.mutate((tx, feed) -> {
            StoredCard current = card(tx, accountId);
            require(tx, current, condition, current.uid());
            String region = region(tx, accountId);
            ValidCard valid = services.cardRules.fromData(data, CardCodec.fromCanonical(current.vcard()), region);
            return store(tx, feed, current, valid, region);
        });
    }

    /** Replaces the whole card with a vCard (3.0 or 4.0), as served under its own UID. */
    public OwnCard updateFromVcard(long accountId, String vcard, Precondition condition) {
        Precondition.require(condition);
        return services.mutate((tx, feed) -> updateFromVcard(tx, feed, accountId, vcard, condition, null));
    }

    /**
     * Replaces the whole card with a vCard (3.0 or 4.0). The UID in it is ignored: a card's UID is
     * the server's. A card is served under its own UID, or in a group where its owner took over a
     * managed entry under the entry's UID, and its ETag there differs; {@code servedUid} says which
     * one the client read, so {@code condition} is compared with the ETag it holds.
     * @throws NotFound when the card is not shown under {@code servedUid}
     * @throws PreconditionFailed when {@code condition} does not hold
     */
    public OwnCard updateFromVcard(long accountId, String vcard, Precondition condition, String servedUid) {
        Precondition.require(condition);
        return services.mutate((tx, feed) -> updateFromVcard(tx, feed, accountId, vcard, condition, servedUid));
    }

    private OwnCard updateFromVcard(StoreTx tx, FeedWriter feed, long accountId, String vcard, Precondition condition,
                                    String servedUid) {
        StoredCard current = card(tx, accountId);
        require(tx, current, condition, servedUid == null ? current.uid() : servedUid);
        String region = region(tx, accountId);
        ValidCard valid = services.cardRules.fromVcard(vcard, region);
        return store(tx, feed, current, valid, region);
    }

    /** Compares inside the write's transaction; {@link #store} then swaps only the stored card it compared. */
    private static void require(StoreTx tx, StoredCard current, Precondition condition, String servedUid) {
        if (!servedUid.equals(current.uid()) && tx.groups().groupsOf(current.accountId()).stream()
                .noneMatch(g -> tx.groups().member(g.id(), current.accountId()).map(m -> servedUid.equals(m.cardUid())).orElse(false))) {
            throw new NotFound(ErrorCode.CARD_NOT_FOUND, "your card is not shown under the UID " + servedUid)
                    .with("name", servedUid);
        }
        if (!condition.holds(CardCodec.servedEtag(current.etag(), servedUid))) {
            throw condition.failure(null, true);
        }
    }

    private OwnCard store(StoreTx tx, FeedWriter feed, StoredCard current, ValidCard valid, String region) {
        if (valid.etag().equals(current.etag())) {
            return toOwn(tx, current, region); // same bytes: nothing for anyone to fetch
        }
        if (!tx.cards().update(current.accountId(), valid.canonical(), valid.etag(), current.etag(), services.now())) {
            throw new PreconditionFailed(ErrorCode.CARD_CHANGED,
                    "the card was changed concurrently; fetch it and try again");
        }
        tx.cards().replacePhones(current.accountId(), valid.e164Numbers());
        for (Group group : tx.groups().groupsOf(current.accountId())) {
            Member me = tx.groups().member(group.id(), current.accountId()).orElseThrow();
            feed.group(group.id(), current.accountId(), me.cardUid(), ChangeKind.CARD);
        }
        return toOwn(tx, card(tx, current.accountId()), region);
    }

    static StoredCard card(StoreTx tx, long accountId) {
        return tx.cards().get(accountId).orElseThrow(() -> new NotFound(ErrorCode.ACCOUNT_NOT_FOUND, "no such account"));
    }

    static String region(StoreTx tx, long accountId) {
        return tx.accounts().get(accountId).map(Account::region).orElse("CN");
    }

    private static OwnCard toOwn(StoreTx tx, StoredCard card, String region) {
        return new OwnCard(card.uid(), CardCodec.servedEtag(card.etag(), card.uid()), card.vcard(),
                CardCodec.toData(CardCodec.fromCanonical(card.vcard()), region));
    }
}
