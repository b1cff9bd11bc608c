package org.kith.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.kith.core.error.ErrorCode;
import org.kith.core.error.Forbidden;
import org.kith.core.error.NotFound;
import org.kith.core.feed.VisibleCard;
import org.kith.core.model.ChangeRow;
import org.kith.core.model.GroupCard;
import org.kith.core.model.Member;
import org.kith.core.model.Role;
import org.kith.core.store.StoreTx;

/**
 * The privacy policy, in one place: who sees which group, which cards and which members.
 * Every surface reaches data only through services that ask this class.
 * <ul>
 *   <li>A group exists for a viewer only while they are a member (otherwise: not found).</li>
 *   <li>A viewer sees every card of the group except the cards of members who block them.</li>
 *   <li>The same goes for the change feed: a group's rows about a member who blocks the viewer
 *       are not the viewer's; the rows addressed to the viewer are.</li>
 *   <li>The member list hides blockers too, except from owners, who must manage the group (rule 11).</li>
 * </ul>
 * Public only for {@link #maySee}, the rule a store filters feed pages with.
 */
public final class Visibility {
    private Visibility() {}

    static Member requireMember(StoreTx tx, long groupId, long viewer) {
        return tx.groups().member(groupId, viewer).orElseThrow(() -> new NotFound(ErrorCode.GROUP_NOT_FOUND, "no such group"));
    }

    static Member requireOwner(StoreTx tx, long groupId, long viewer, String action) {
        Member member = requireMember(tx, groupId, viewer);
        if (member.role() != Role.OWNER) {
            throw new Forbidden(ErrorCode.OWNER_ONLY, "only the group's owner may " + action);
        }
        return member;
    }

    /** The people whose cards the viewer must not see: everyone who blocks them. */
    static Set<Long> hiddenFrom(StoreTx tx, long viewer) {
        return tx.blocks().blockersOf(viewer);
    }

    static boolean mayView(GroupCard card, Set<Long> hidden) {
        return !hides(hidden, card.accountId());
    }

    /**
     * Whether a row of the viewer's feed (a row of one of their groups, or one addressed to them)
     * is theirs to see, {@code hidden} being everyone who blocks them: rows addressed to them
     * always; a group row unless it is about someone in {@code hidden}. A store may apply this in
     * SQL, but must agree with it.
     */
    public static boolean maySee(ChangeRow row, Set<Long> hidden) {
        return row.viewerId() != null || !hides(hidden, row.subjectAccountId());
    }

    /** Whether a card or change about {@code account} (null: nobody's, a managed entry or the group) is hidden. */
    private static boolean hides(Set<Long> hidden, Long account) {
        return account != null && hidden.contains(account);
    }

    /** The card under {@code uid} in the group if the viewer may see it (membership already checked). */
    static Optional<VisibleCard> card(StoreTx tx, Set<Long> hidden, long groupId, String uid) {
        return visibleCard(tx, hidden, groupId, uid).map(VisibleCard::of);
    }

    static List<VisibleCard> phonebook(StoreTx tx, Set<Long> hidden, long groupId) {
        return visibleCards(tx, hidden, groupId).stream().map(VisibleCard::of).toList();
    }

    /** {@link #card}, as stored (for books that relabel cards before serving them). */
    static Optional<GroupCard> visibleCard(StoreTx tx, Set<Long> hidden, long groupId, String uid) {
        return tx.phonebooks().card(groupId, uid).filter(c -> mayView(c, hidden));
    }

    /** {@link #phonebook}, as stored (for books that relabel cards before serving them). */
    static List<GroupCard> visibleCards(StoreTx tx, Set<Long> hidden, long groupId) {
        List<GroupCard> cards = new ArrayList<>();
        for (GroupCard card : tx.phonebooks().cards(groupId)) {
            if (mayView(card, hidden)) {
                cards.add(card);
            }
        }
        return cards;
    }

    /** {@link #visibleCard} for many UIDs at once: those the viewer may see, each once, in any order. */
    static List<GroupCard> visibleCards(StoreTx tx, Set<Long> hidden, long groupId, Collection<String> uids) {
        return tx.phonebooks().cards(groupId, uids).stream().filter(c -> mayView(c, hidden)).toList();
    }

    /**
     * The cards of {@code groupIds} listed under one of {@code ownUids} in a book that spans those
     * groups, that the viewer may see (see {@link org.kith.core.store.PhonebookStore#byOwnUid}).
     */
    static List<GroupCard> visibleCardsByOwnUid(StoreTx tx, Set<Long> hidden, Collection<Long> groupIds,
                                                Collection<String> ownUids) {
        return tx.phonebooks().byOwnUid(groupIds, ownUids).stream().filter(c -> mayView(c, hidden)).toList();
    }

    /** The member list as this viewer may see it. */
    static List<Member> members(StoreTx tx, Member viewer, Set<Long> hidden) {
        List<Member> all = tx.groups().members(viewer.groupId());
        if (viewer.role() == Role.OWNER || hidden.isEmpty()) {
            return all;
        }
        return all.stream().filter(m -> !hidden.contains(m.accountId())).toList();
    }

    /** How many members this viewer sees, without listing them. */
    static int memberCount(StoreTx tx, Member viewer, Set<Long> hidden) {
        int count = tx.groups().memberCount(viewer.groupId());
        if (viewer.role() == Role.OWNER) {
            return count;
        }
        for (Long blocker : hidden) {
            if (tx.groups().member(viewer.groupId(), blocker).isPresent()) {
                count--;
            }
        }
        return count;
    }

    /** Whether {@code other} is someone the viewer may name: a member of a group they share. */
    static boolean sharesGroup(StoreTx tx, long viewer, long other) {
        return !tx.groups().sharedGroups(viewer, other).isEmpty();
    }
}
