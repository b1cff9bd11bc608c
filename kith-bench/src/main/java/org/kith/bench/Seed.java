package org.kith.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import org.kith.core.BulkMembers;
import org.kith.core.Kith;
import org.kith.core.card.CardData;

/**
 * Fills a group with many members quickly for benchmarks, through the bulk service: accounts,
 * cards, memberships and the feed rows of a join, written in large transactions.
 */
public final class Seed {
    private static final int BATCH = 5_000;

    private Seed() {}

    /**
     * Adds {@code count} members named {@code prefix0}, {@code prefix1}, … to {@code groupId};
     * returns the id of the first one added (the others follow it, in order).
     */
    public static long members(Kith kith, long groupId, int count, String prefix) {
        return members(kith, groupId, count, prefix, i -> null);
    }

    /**
     * As {@link #members(Kith, long, int, String)}, each member starting with the card
     * {@code cards} gives (null: a card with only their name); its numbers are indexed for
     * caller-ID lookups.
     */
    public static long members(Kith kith, long groupId, int count, String prefix, IntFunction<CardData> cards) {
        long first = -1;
        for (int start = 0; start < count; start += BATCH) {
            List<BulkMembers.Person> people = new ArrayList<>();
            for (int i = start; i < Math.min(count, start + BATCH); i++) {
                people.add(new BulkMembers.Person(prefix + i, "Member " + i, cards.apply(i)));
            }
            List<Long> ids = kith.bulkMembers().add(groupId, people);
            if (first < 0) {
                first = ids.get(0);
            }
        }
        return first;
    }
}
