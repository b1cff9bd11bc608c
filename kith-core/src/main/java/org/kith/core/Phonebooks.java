package org.kith.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.kith.core.error.ErrorCode;
import org.kith.core.error.Gone;
import org.kith.core.error.NotFound;
import org.kith.core.feed.FeedEvent;
import org.kith.core.feed.SyncToken;
import org.kith.core.feed.VisibleCard;
import org.kith.core.model.ChangeKind;
import org.kith.core.model.ChangeRow;
import org.kith.core.model.Group;
import org.kith.core.model.Member;
import org.kith.core.store.StoreTx;
import org.kith.core.view.Changes;
import org.kith.core.view.FeedPage;
import org.kith.core.view.Phonebook;

/**
 * What a viewer sees of their groups' phonebooks, whole or as changes since a token, and the
 * live event feed. Every answer is built from the change feed filtered by {@link Visibility}:
 * feed rows only say "look again"; what is sent is decided from the current state. Polling
 * ({@link #changes}) and push ({@link #events}) read the same rows, so they agree. Thread-safe.
 */
public final class Phonebooks {
    private final Services services;

    Phonebooks(Services services) {
        this.services = services;
    }

    public Phonebook phonebook(long viewer, long groupId) {
        return services.read(tx -> {
            Visibility.requireMember(tx, groupId, viewer);
            Set<Long> hidden = Visibility.hiddenFrom(tx, viewer);
            List<VisibleCard> cards = Visibility.phonebook(tx, hidden, groupId);
            long head = tx.feed().groupFeedHead(groupId, viewer, hidden);
            return new Phonebook(SyncToken.format(head), cards);
        });
    }

    /** The group phonebook's token as it is now (cheap: no cards are read). */
    public String token(long viewer, long groupId) {
        return services.read(tx -> {
            Visibility.requireMember(tx, groupId, viewer);
            return SyncToken.format(tx.feed().groupFeedHead(groupId, viewer, Visibility.hiddenFrom(tx, viewer)));
        });
    }

    /**
     * Many viewers' tokens of one group phonebook, each exactly as {@link #token} gives it, read in
     * one transaction (push to phones asks for thousands at once). Viewers who are not members
     * are left out of the answer.
     */
    public Map<Long, String> tokens(long groupId, Collection<Long> viewers) {
        return services.read(tx -> {
            Map<Long, String> out = new LinkedHashMap<>();
            for (long viewer : viewers) {
                try {
                    Visibility.requireMember(tx, groupId, viewer);
                } catch (NotFound e) {
                    continue;
                }
                out.put(viewer, SyncToken.format(tx.feed().groupFeedHead(groupId, viewer, Visibility.hiddenFrom(tx, viewer))));
            }
            return out;
        });
    }

    /** One card of a group's phonebook, if the viewer may see it. */
    public Optional<VisibleCard> card(long viewer, long groupId, String uid) {
        return services.read(tx -> {
            Visibility.requireMember(tx, groupId, viewer);
            return Visibility.card(tx, Visibility.hiddenFrom(tx, viewer), groupId, uid);
        });
    }

    /**
     * The cards among {@code uids} that the viewer may see in the group (addressbook-multiget),
     * each once, in any order; read in one transaction, in O(uids), whatever the group's size.
     * @throws org.kith.core.error.NotFound if the viewer is not a member
     */
    public List<VisibleCard> cards(long viewer, long groupId, Collection<String> uids) {
        return services.read(tx -> {
            Visibility.requireMember(tx, groupId, viewer);
            if (uids.isEmpty()) {
                return List.<VisibleCard>of();
            }
            return Visibility.visibleCards(tx, Visibility.hiddenFrom(tx, viewer), groupId, uids).stream()
                    .map(VisibleCard::of).toList();
        });
    }

    /**
     * Additions, updates and removals the viewer may see since {@code token}, in O(changes).
     * @throws Gone (resync required) when the token is unknown, too old, or from before the
     *         viewer's current membership
     */
    public Changes changes(long viewer, long groupId, String token) {
        return changes(viewer, groupId, token, services.limits.changesPageSize());
    }

    /** As {@link #changes(long, long, String)}, with at most about {@code pageSize} rows read. */
    public Changes changes(long viewer, long groupId, String token, int pageSize) {
        long since = SyncToken.parse(token);
        return services.read(tx -> {
            Member me = Visibility.requireMember(tx, groupId, viewer);
            if (since > tx.feed().currentSeq() || since < tx.feed().oldestRetainedSeq() || since < me.joinedSeq()) {
                throw Gone.resyncRequired(ErrorCode.SYNC_TOKEN_TOO_OLD,
                        "the sync token is unknown or too old; a full resync is needed");
            }
            Set<Long> hidden = Visibility.hiddenFrom(tx, viewer);
            FeedPages.Page page = FeedPages.read(n -> tx.feed().groupFeed(groupId, viewer, hidden, since, n), pageSize);
            List<ChangeRow> rows = page.rows();
            boolean more = page.more();
            Set<String> uids = new LinkedHashSet<>();
            for (ChangeRow row : rows) {
                if (row.kind() == ChangeKind.CARD && row.uid() != null) {
                    uids.add(row.uid());
                }
            }
            List<VisibleCard> updated = new ArrayList<>();
            List<String> removed = new ArrayList<>();
            for (String uid : uids) {
                Optional<VisibleCard> card = Visibility.card(tx, hidden, groupId, uid);
                if (card.isPresent()) {
                    updated.add(card.get());
                } else {
                    removed.add(uid);
                }
            }
            long next = more ? rows.get(rows.size() - 1).seq()
                    : Math.max(since, tx.feed().groupFeedHead(groupId, viewer, hidden));
            return new Changes(SyncToken.format(next), updated, removed, more);
        });
    }

    /** The newest feed position: where a live stream that starts now begins. */
    public long position() {
        return services.read(tx -> tx.feed().currentSeq());
    }

    /** Ids of the groups the viewer is a member of. */
    public Set<Long> groupIds(long viewer) {
        return services.read(tx -> {
            Set<Long> ids = new LinkedHashSet<>();
            for (Group g : tx.groups().groupsOf(viewer)) {
                ids.add(g.id());
            }
            return ids;
        });
    }

    /**
     * The viewer's events after {@code after}, across all their groups, for a live stream.
     * A position that is unknown or too old yields a single {@link FeedEvent.ResyncRequired}.
     */
    public FeedPage events(long viewer, long after, int limit) {
        return services.read(tx -> {
            long current = tx.feed().currentSeq();
            if (after > current || after < tx.feed().oldestRetainedSeq()) {
                return new FeedPage(List.of(new FeedEvent.ResyncRequired(current)), current);
            }
            Set<Long> hidden = Visibility.hiddenFrom(tx, viewer);
            FeedPages.Page page = FeedPages.read(n -> tx.feed().viewerFeed(viewer, hidden, after, n), limit);
            List<ChangeRow> rows = page.rows();
            boolean more = page.more();
            long position = more || !rows.isEmpty() ? rows.get(rows.size() - 1).seq() : after;
            if (!more) {
                position = Math.max(position, current); // nothing visible up to now: skip ahead
            }
            return new FeedPage(toEvents(tx, viewer, hidden, rows), position);
        });
    }

    private List<FeedEvent> toEvents(StoreTx tx, long viewer, Set<Long> hidden, List<ChangeRow> rows) {
        // The last row for each card decides; earlier rows for it add nothing.
        Map<String, ChangeRow> lastCardRow = new LinkedHashMap<>();
        for (ChangeRow row : rows) {
            if (row.kind() == ChangeKind.CARD && row.uid() != null) {
                lastCardRow.put(row.groupId() + "\n" + row.uid(), row);
            }
        }
        Map<Long, Boolean> memberOf = new HashMap<>();
        List<FeedEvent> events = new ArrayList<>();
        for (ChangeRow row : rows) {
            boolean member = memberOf.computeIfAbsent(row.groupId(), g -> tx.groups().member(g, viewer).isPresent());
            switch (row.kind()) {
                case CARD -> {
                    if (member && row.uid() != null && lastCardRow.get(row.groupId() + "\n" + row.uid()) == row) {
                        events.add(new FeedEvent.CardChanged(row.seq(), row.groupId(), row.uid(),
                                Visibility.card(tx, hidden, row.groupId(), row.uid()).orElse(null)));
                    }
                }
                case GROUP -> {
                    if (member) {
                        tx.groups().get(row.groupId()).ifPresent(g -> events.add(
                                new FeedEvent.GroupChanged(row.seq(), g.id(), FeedEvent.Op.UPDATED, g)));
                    }
                }
                case JOINED -> {
                    if (member) {
                        tx.groups().get(row.groupId()).ifPresent(g -> events.add(
                                new FeedEvent.GroupChanged(row.seq(), g.id(), FeedEvent.Op.ADDED, g)));
                    }
                }
                case LEFT -> events.add(new FeedEvent.GroupChanged(row.seq(), row.groupId(), FeedEvent.Op.REMOVED,
                        tx.groups().get(row.groupId()).orElse(null)));
            }
        }
        return events;
    }
}
