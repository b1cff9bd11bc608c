package org.kith.bench;

import java.time.Instant;
import java.util.UUID;
import java.util.function.IntFunction;

import org.kith.core.Kith;
import org.kith.core.card.CardData;
import org.kith.core.card.ValidCard;
import org.kith.core.model.ChangeKind;
import org.kith.core.model.Role;

/**
 * Fills a group with many members quickly for benchmarks: accounts, cards and memberships are
 * written in large transactions straight through the storage port (as a bulk import would),
 * with the same feed rows the services write for a join.
 */
public final class Seed {
    private Seed() {}

    /** Adds {@code count} members to {@code groupId}; returns the id of the first one added. */
    public static long members(Kith kith, long groupId, int count, String prefix) {
        ValidCard card = kith.cardRules().fromData(CardData.named("Member"), null, "CN");
        return members(kith, groupId, count, prefix, i -> card);
    }

    /**
     * As {@link #members(Kith, long, int, String)}, each member with their own card (its numbers
     * indexed for caller-ID lookups as a card update indexes them).
     */
    public static long members(Kith kith, long groupId, int count, String prefix, IntFunction<ValidCard> cards) {
        long first = -1;
        int batch = 5_000;
        for (int start = 0; start < count; start += batch) {
            int from = start;
            int to = Math.min(count, start + batch);
            long id = kith.store().write(tx -> {
                long firstInBatch = -1;
                Instant now = Instant.now();
                for (int i = from; i < to; i++) {
                    long seq = tx.nextSeq();
                    String uid = UUID.randomUUID().toString();
                    ValidCard card = cards.apply(i);
                    long account = tx.insertAccount(prefix + i, "Member " + i, "$argon2id$seeded", "CN", uid,
                            card.canonical(), card.etag(), now).orElseThrow();
                    if (!card.e164Numbers().isEmpty()) {
                        tx.replacePhones(account, card.e164Numbers());
                    }
                    tx.insertMembership(groupId, account, Role.MEMBER, null, seq, now);
                    tx.appendGroupChange(seq, groupId, account, uid, ChangeKind.CARD);
                    tx.appendViewerChange(seq, account, groupId, null, ChangeKind.JOINED);
                    if (firstInBatch < 0) {
                        firstInBatch = account;
                    }
                }
                return firstInBatch;
            });
            if (first < 0) {
                first = id;
            }
        }
        return first;
    }
}
