package org.kith.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.kith.core.card.CardData;
import org.kith.core.card.ValidCard;
import org.kith.core.error.Conflict;
import org.kith.core.error.ErrorCode;
import org.kith.core.error.Invalid;
import org.kith.core.error.NotFound;
import org.kith.core.feed.ChangeNotice;
import org.kith.core.model.Group;
import org.kith.core.model.Username;

/**
 * Many people added to one group at once: for benchmarks, and for an operator importing a
 * group. Each person gets an account with a card named after them, and joins the group as
 * accepting an invitation joins it: the same membership and feed rows, each join at a position
 * of its own, and one notice after the commit. Imported accounts have no password (they sign in
 * with app passwords). There is no viewer: the caller acts as the operator, so no surface may
 * offer this to users. Thread-safe.
 */
public final class BulkMembers {
    /** Stored instead of a hash: it never verifies ({@link org.kith.core.auth.PasswordHasher} takes Argon2id only). */
    private static final String NO_PASSWORD = "!";

    /**
     * Someone to add: a username as {@link Accounts#register} takes it, a display name, and the
     * card to start with (null: a card with only the display name). The card's numbers are
     * indexed as a card update indexes them.
     */
    public record Person(String username, String displayName, CardData card) {
        public Person(String username, String displayName) {
            this(username, displayName, null);
        }
    }

    private final Services services;

    BulkMembers(Services services) {
        this.services = services;
    }

    /**
     * Adds everyone in one transaction: all of them or, on any error, none.
     *
     * @return the new accounts' ids, in the order given
     * @throws NotFound if the group does not exist
     * @throws Invalid for a malformed username or display name
     * @throws Conflict if a username is taken or given twice, or the group would exceed its member limit
     */
    public List<Long> add(long groupId, List<Person> people) {
        Set<Username> names = new HashSet<>();
        for (Person p : people) {
            Accounts.checkUsername(p.username());
            Accounts.checkDisplayName(p.displayName());
            if (!names.add(Username.of(p.username()))) { // taken by someone earlier in the list
                throw new Conflict(ErrorCode.USERNAME_TAKEN, "username '" + p.username() + "' is given twice",
                        "username").with("username", p.username());
            }
        }
        if (people.isEmpty()) {
            return List.of();
        }
        String region = services.limits.defaultRegion();
        Instant now = services.now();
        long[] lastSeq = new long[1];
        List<Long> ids = services.write(tx -> {
            FeedWriter first = new FeedWriter(tx); // the clock before the group lock: Store's lock order
            Group g = tx.groups().lock(groupId)
                    .orElseThrow(() -> new NotFound(ErrorCode.GROUP_NOT_FOUND, "no such group"));
            if (Groups.occupancy(tx, groupId) + people.size() > g.memberLimit()) {
                throw new Conflict(ErrorCode.MEMBER_LIMIT_REACHED,
                        "the group is full (member limit " + g.memberLimit() + ")").with("limit", g.memberLimit());
            }
            List<Long> added = new ArrayList<>();
            for (Person p : people) {
                FeedWriter feed = added.isEmpty() ? first : new FeedWriter(tx); // a position per join
                String name = p.displayName().strip();
                ValidCard card = services.cardRules.fromData(p.card() == null ? CardData.named(name) : p.card(), null,
                        region);
                String uid = UUID.randomUUID().toString();
                long id = tx.accounts().insert(Username.of(p.username()), name, NO_PASSWORD, region, uid,
                        card.canonical(), card.etag(), now)
                        .orElseThrow(() -> new Conflict(ErrorCode.USERNAME_TAKEN, "username '" + p.username()
                                + "' is taken", "username").with("username", p.username()));
                if (!card.e164Numbers().isEmpty()) {
                    tx.cards().replacePhones(id, card.e164Numbers());
                }
                Invitations.admit(tx, feed, groupId, id, null, uid, now);
                added.add(id);
                lastSeq[0] = feed.seq();
            }
            return added;
        });
        services.publish(new ChangeNotice(lastSeq[0], Set.of(groupId), Set.copyOf(ids), false));
        return ids;
    }
}
