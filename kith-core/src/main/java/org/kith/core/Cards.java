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
     * @param ifMatch the ETag the caller last saw, or null to write unconditionally
     * @throws PreconditionFailed when {@code ifMatch} is stale
     */
    public OwnCard update(long accountId, CardData data, String ifMatch) {
        return services.mutate((tx, feed) -> {
            StoredCard current = card(tx, accountId);
            checkMatch(current, ifMatch);
            String region = region(tx, accountId);
            ValidCard valid = services.cardRules.fromData(data, CardCodec.fromCanonical(current.vcard()), region);
            return store(tx, feed, current, valid, region);
        });
    }

    /** Replaces the whole card with a vCard (3.0 or 4.0). The UID in it is ignored: a card's UID is the server's. */
    public OwnCard updateFromVcard(long accountId, String vcard, String ifMatch) {
        return services.mutate((tx, feed) -> {
            StoredCard current = card(tx, accountId);
            checkMatch(current, ifMatch);
            String region = region(tx, accountId);
            ValidCard valid = services.cardRules.fromVcard(vcard, region);
            return store(tx, feed, current, valid, region);
        });
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

    private static void checkMatch(StoredCard current, String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return;
        }
        String served = CardCodec.servedEtag(current.etag(), current.uid());
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                continue; // weak tags never match for writes (RFC 9110 strong comparison)
            }
            if (tag.equals(served)) {
                return;
            }
        }
        throw new PreconditionFailed(ErrorCode.CARD_CHANGED, "the card has changed since you read it (If-Match "
                + ifMatch + " is stale); fetch it and try again");
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
