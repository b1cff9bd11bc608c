package org.kith.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.kith.core.card.CardCodec;
import org.kith.core.card.CardData;
import org.kith.core.error.ErrorCode;
import org.kith.core.error.Gone;
import org.kith.core.feed.SyncToken;
import org.kith.core.feed.VisibleCard;
import org.kith.core.model.ChangeKind;
import org.kith.core.model.ChangeRow;
import org.kith.core.model.Group;
import org.kith.core.model.GroupCard;
import org.kith.core.model.ManagedEntry;
import org.kith.core.store.StoreTx;
import org.kith.core.view.GroupMembers;
import org.kith.core.view.MergedBook;
import org.kith.core.view.MergedCards;
import org.kith.core.view.MergedChanges;

/**
 * The merged book: every card a viewer may see across all their groups, each once, plus one
 * group card per group (what iOS/macOS Contacts show as "groups"). A person is listed under
 * their card's own UID even where a group shows them under an inherited managed-entry UID, so
 * someone in two groups appears once. Visibility is decided by {@link Visibility}, as for a
 * single group's phonebook. Thread-safe.
 */
public final class MergedBooks {
    private final Services services;

    MergedBooks(Services services) {
        this.services = services;
    }

    public MergedBook book(long viewer) {
        return services.read(tx -> {
            Set<Long> hidden = Visibility.hiddenFrom(tx, viewer);
            Map<String, VisibleCard> cards = new LinkedHashMap<>();
            List<GroupMembers> groups = new ArrayList<>();
            for (Group group : tx.groups().groupsOf(viewer)) {
                List<String> uids = new ArrayList<>();
                for (GroupCard card : Visibility.visibleCards(tx, hidden, group.id())) {
                    VisibleCard merged = asMerged(card);
                    cards.putIfAbsent(merged.uid(), merged);
                    uids.add(merged.uid());
                }
                groups.add(new GroupMembers(group.id(), group.name(), group.description(), uids));
            }
            return new MergedBook(SyncToken.format(head(tx, viewer, hidden)), List.copyOf(cards.values()), groups);
        });
    }

    /** The token of the merged book as it is now (cheap: no cards are read). */
    public String token(long viewer) {
        return services.read(tx -> SyncToken.format(head(tx, viewer, Visibility.hiddenFrom(tx, viewer))));
    }

    /**
     * The cards of the merged book listed under any of {@code uids} (addressbook-multiget), as
     * {@link #book} lists them: each person under their own UID, from the first of the viewer's
     * groups that shows them, and a group's group card under {@link GroupMembers#cardUid}. One
     * transaction; the cost follows the UIDs asked (and the size of a group whose group card is
     * asked for), not the size of the book.
     */
    public MergedCards cards(long viewer, Collection<String> uids) {
        return services.read(tx -> {
            Set<Long> hidden = Visibility.hiddenFrom(tx, viewer);
            List<Group> groups = tx.groups().groupsOf(viewer);
            Map<Long, Integer> order = new HashMap<>();
            Map<String, Group> byCardUid = new HashMap<>();
            for (Group group : groups) {
                order.put(group.id(), order.size());
                byCardUid.put(GroupMembers.cardUid(group.id()), group);
            }
            List<GroupMembers> groupCards = new ArrayList<>();
            List<String> people = new ArrayList<>();
            for (String uid : new LinkedHashSet<>(uids)) {
                Group group = byCardUid.get(uid);
                if (group != null) {
                    groupCards.add(members(tx, hidden, group));
                } else {
                    people.add(uid);
                }
            }
            List<GroupCard> found = new ArrayList<>(
                    Visibility.visibleCardsByOwnUid(tx, hidden, order.keySet(), people));
            // the book lists the first group's card for a person, and a member before an entry
            found.sort(Comparator.comparing((GroupCard c) -> order.get(c.groupId())).thenComparing(GroupCard::managed));
            Map<String, VisibleCard> cards = new LinkedHashMap<>();
            for (GroupCard card : found) {
                VisibleCard merged = asMerged(card);
                cards.putIfAbsent(merged.uid(), merged);
            }
            return new MergedCards(List.copyOf(cards.values()), groupCards);
        });
    }

    /**
     * The merged book's cards that hold the number {@code e164} (caller-ID lookup), each once.
     * Members are found through the phone index, managed entries by their stored E.164 stamps;
     * either way only cards the viewer may see, as {@link #card} would answer them.
     * @param e164 a number in E.164 form ({@code +8613800138000})
     */
    public List<VisibleCard> withNumber(long viewer, String e164) {
        return services.read(tx -> {
            Set<Long> hidden = Visibility.hiddenFrom(tx, viewer);
            List<Group> groups = tx.groups().groupsOf(viewer);
            Map<String, VisibleCard> found = new LinkedHashMap<>();
            for (long account : tx.cards().accountsWithPhone(e164)) {
                for (Group group : groups) {
                    Optional<GroupCard> card = tx.groups().member(group.id(), account)
                            .flatMap(m -> Visibility.visibleCard(tx, hidden, group.id(), m.cardUid()));
                    if (card.isPresent()) {
                        VisibleCard merged = asMerged(card.get());
                        found.putIfAbsent(merged.uid(), merged);
                        break;
                    }
                }
            }
            for (Group group : groups) {
                for (ManagedEntry entry : tx.entries().list(group.id())) {
                    if (entry.vcard().contains(e164) && holds(entry.vcard(), e164)) {
                        Visibility.visibleCard(tx, hidden, group.id(), entry.uid())
                                .ifPresent(c -> found.putIfAbsent(c.uid(), asMerged(c)));
                    }
                }
            }
            return List.copyOf(found.values());
        });
    }

    /** Whether a stored card holds {@code e164} (the text test above only rules most cards out cheaply). */
    private static boolean holds(String vcard, String e164) {
        for (CardData.Tel tel : CardCodec.toData(CardCodec.fromCanonical(vcard), "ZZ").tel()) {
            if (e164.equals(tel.e164())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Changes since {@code token}, in O(changes): a group's member list (its group card) is read
     * again only where membership may have changed, not for a member's card edit. Leaving a group
     * cannot be told incrementally (the cards it showed are no longer known), so a range with a
     * departure answers "resync required".
     * @throws Gone (resync required) for an unknown or too old token, or a departure since it
     */
    public MergedChanges changes(long viewer, String token, int limit) {
        long since = SyncToken.parse(token);
        return services.read(tx -> {
            if (since > tx.feed().currentSeq() || since < tx.feed().oldestRetainedSeq()) {
                throw Gone.resyncRequired(ErrorCode.SYNC_TOKEN_TOO_OLD,
                        "the sync token is unknown or too old; a full resync is needed");
            }
            Set<Long> hidden = Visibility.hiddenFrom(tx, viewer);
            FeedPages.Page page = FeedPages.read(n -> tx.feed().viewerFeed(viewer, hidden, since, n), limit);
            List<ChangeRow> rows = page.rows();
            boolean more = page.more();
            Set<String> uids = new LinkedHashSet<>();
            Set<Long> regrouped = new LinkedHashSet<>();
            for (ChangeRow row : rows) {
                if (row.kind() == ChangeKind.LEFT && row.viewerId() != null) {
                    throw Gone.resyncRequired(ErrorCode.SYNC_GROUPS_CHANGED,
                            "you left a group since this token; a full resync is needed");
                }
                if (row.kind() == ChangeKind.JOINED && row.viewerId() != null) {
                    regrouped.add(row.groupId());
                    for (GroupCard card : Visibility.visibleCards(tx, hidden, row.groupId())) {
                        uids.add(card.uid());
                    }
                } else if (row.kind() == ChangeKind.CARD && row.uid() != null) {
                    uids.add(row.uid());
                    if (mayChangeMembership(tx, hidden, row, since)) {
                        regrouped.add(row.groupId());
                    }
                } else {
                    regrouped.add(row.groupId()); // the group's name, description or owner
                }
            }
            Map<String, VisibleCard> updated = new LinkedHashMap<>();
            Set<String> removed = new LinkedHashSet<>();
            for (String uid : uids) {
                // The row names the UID a group shows; the merged book may list the person under another.
                Optional<VisibleCard> seen = findInGroups(tx, viewer, hidden, uid);
                if (seen.isPresent() && !seen.get().uid().equals(uid)) {
                    removed.add(uid); // an inherited entry UID: the person is listed under their own
                }
                Optional<VisibleCard> merged = seen.isPresent() ? find(tx, viewer, hidden, seen.get().uid()) : seen;
                merged.ifPresentOrElse(c -> updated.put(c.uid(), c), () -> removed.add(uid));
            }
            removed.removeAll(updated.keySet());
            List<GroupMembers> groups = new ArrayList<>();
            for (long groupId : regrouped) {
                if (tx.groups().member(groupId, viewer).isPresent()) {
                    tx.groups().get(groupId).ifPresent(g -> groups.add(members(tx, hidden, g)));
                }
            }
            long next = more ? rows.get(rows.size() - 1).seq() : Math.max(since, head(tx, viewer, hidden));
            return new MergedChanges(SyncToken.format(next), List.copyOf(updated.values()), List.copyOf(removed),
                    groups, more);
        });
    }

    /**
     * Whether a card row may have added or removed someone from the group card's member list.
     * Only a card edit by a member who was already there before {@code since} (and still is) is
     * known not to; a row for one viewer only is a block or unblock, which does.
     */
    private static boolean mayChangeMembership(StoreTx tx, Set<Long> hidden, ChangeRow row, long since) {
        if (row.viewerId() != null) {
            return true;
        }
        Optional<GroupCard> now = Visibility.visibleCard(tx, hidden, row.groupId(), row.uid());
        if (now.isEmpty() || now.get().accountId() == null) {
            return true; // gone, or a managed entry (whose rows do not say added or edited)
        }
        return tx.groups().member(row.groupId(), now.get().accountId()).map(m -> m.joinedSeq() > since).orElse(true);
    }

    /** The newest position the viewer can see: their own rows and the visible rows of their groups. */
    private static long head(StoreTx tx, long viewer, Set<Long> hidden) {
        long head = tx.feed().viewerRowsHead(viewer);
        for (Group group : tx.groups().groupsOf(viewer)) {
            head = Math.max(head, tx.feed().groupFeedHead(group.id(), viewer, hidden));
        }
        return head;
    }

    private static GroupMembers members(StoreTx tx, Set<Long> hidden, Group group) {
        List<String> uids = new ArrayList<>();
        for (GroupCard card : Visibility.visibleCards(tx, hidden, group.id())) {
            uids.add(card.underOwnUid().uid());
        }
        return new GroupMembers(group.id(), group.name(), group.description(), uids);
    }

    /** A visible group card as the merged book lists it: a person under their card's own UID. */
    private static VisibleCard asMerged(GroupCard card) {
        return VisibleCard.of(card.underOwnUid());
    }

    /** The card a group shows under {@code uid}, merged, from the first group that shows it. */
    private static Optional<VisibleCard> findInGroups(StoreTx tx, long viewer, Set<Long> hidden, String uid) {
        for (Group group : tx.groups().groupsOf(viewer)) {
            Optional<GroupCard> card = Visibility.visibleCard(tx, hidden, group.id(), uid);
            if (card.isPresent()) {
                return Optional.of(asMerged(card.get()));
            }
        }
        return Optional.empty();
    }

    /** The merged book's card under {@code uid}: a managed entry, or a person whose own UID it is. */
    private static Optional<VisibleCard> find(StoreTx tx, long viewer, Set<Long> hidden, String uid) {
        Optional<VisibleCard> direct = findInGroups(tx, viewer, hidden, uid);
        if (direct.isPresent() && direct.get().uid().equals(uid)) {
            return direct;
        }
        // A person shown everywhere under inherited UIDs is still listed under their own.
        Optional<Long> account = tx.cards().accountOfUid(uid);
        if (account.isPresent()) {
            for (Group group : tx.groups().groupsOf(viewer)) {
                Optional<GroupCard> card = tx.groups().member(group.id(), account.get())
                        .flatMap(m -> Visibility.visibleCard(tx, hidden, group.id(), m.cardUid()));
                if (card.isPresent()) {
                    return Optional.of(asMerged(card.get()));
                }
            }
        }
        return Optional.empty();
    }
}
