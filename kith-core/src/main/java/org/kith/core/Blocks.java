package org.kith.core;

import java.util.List;

import org.kith.core.error.ErrorCode;
import org.kith.core.error.Invalid;
import org.kith.core.error.NotFound;
import org.kith.core.model.Account;
import org.kith.core.model.ChangeKind;
import org.kith.core.model.Member;
import org.kith.core.model.Username;
import org.kith.core.view.BlockView;

/**
 * "Hide my card from this person" (the patent's "exempt from receiving"). Blocking writes a
 * row to the blocked person's feed of every shared group, so their devices drop the card at
 * the next sync; later changes of the blocker are filtered out of their feed by
 * {@link Visibility}. Only the blocker sees their block list. Thread-safe.
 */
public final class Blocks {
    private final Services services;

    Blocks(Services services) {
        this.services = services;
    }

    /** Idempotent. The other person must share a group with the blocker (not found otherwise). */
    public void block(long viewer, String username) {
        services.mutate((tx, feed) -> {
            Account target = target(tx, viewer, username);
            if (!Visibility.sharesGroup(tx, viewer, target.id())) {
                throw new NotFound(ErrorCode.NOT_IN_YOUR_GROUPS, "no member named '" + username + "' in your groups")
                        .with("username", username);
            }
            if (tx.blocks().insert(viewer, target.id(), services.now())) {
                tellTarget(tx, feed, viewer, target.id());
            }
            return null;
        });
    }

    /** Idempotent: unblocking someone not blocked changes nothing. */
    public void unblock(long viewer, String username) {
        services.mutate((tx, feed) -> {
            Account target = tx.accounts().byUsername(Username.of(username == null ? "" : username))
                    .orElseThrow(() -> new NotFound(ErrorCode.USER_NOT_FOUND, "no user named '" + username + "'")
                            .with("username", username));
            if (tx.blocks().delete(viewer, target.id())) {
                tellTarget(tx, feed, viewer, target.id());
            }
            return null;
        });
    }

    public List<BlockView> list(long viewer) {
        return services.read(tx -> tx.blocks().blocksBy(viewer).stream().map(b -> {
            Account a = tx.accounts().get(b.blockedId()).orElseThrow();
            return new BlockView(a.username(), a.displayName(), b.createdAt());
        }).toList());
    }

    private static Account target(org.kith.core.store.StoreTx tx, long viewer, String username) {
        Account target = tx.accounts().byUsername(Username.of(username == null ? "" : username))
                .orElseThrow(() -> new NotFound(ErrorCode.NOT_IN_YOUR_GROUPS, "no member named '" + username
                        + "' in your groups").with("username", username));
        if (target.id() == viewer) {
            throw Invalid.value(ErrorCode.BLOCK_SELF, "username", "you cannot block yourself");
        }
        return target;
    }

    /** The blocked person's view of the blocker's card changes in every group they share. */
    private static void tellTarget(org.kith.core.store.StoreTx tx, FeedWriter feed, long blocker, long target) {
        for (long groupId : tx.groups().sharedGroups(blocker, target)) {
            Member m = tx.groups().member(groupId, blocker).orElseThrow();
            feed.viewer(target, groupId, m.cardUid(), ChangeKind.CARD);
        }
    }
}
