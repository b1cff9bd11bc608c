package org.kith.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.kith.core.auth.Secrets;
import org.kith.core.error.Conflict;
import org.kith.core.error.ErrorCode;
import org.kith.core.error.Forbidden;
import org.kith.core.error.Gone;
import org.kith.core.error.Invalid;
import org.kith.core.error.NotFound;
import org.kith.core.model.Account;
import org.kith.core.model.ChangeKind;
import org.kith.core.model.Group;
import org.kith.core.model.Invitation;
import org.kith.core.model.InvitationStatus;
import org.kith.core.model.ManagedEntry;
import org.kith.core.model.Member;
import org.kith.core.model.Role;
import org.kith.core.model.Username;
import org.kith.core.store.StoreTx;
import org.kith.core.view.GroupView;
import org.kith.core.view.InvitationView;

/**
 * Invitations by username or by link/code; accepting one is how anyone but the creator joins.
 * The member limit is checked under the group's lock, so concurrent accepts never exceed it.
 * Thread-safe.
 */
public final class Invitations {
    private final Services services;

    Invitations(Services services) {
        this.services = services;
    }

    public InvitationView inviteUser(long viewer, long groupId, String username, Long entryId) {
        return services.write(tx -> {
            Group g = tx.groups().lock(groupId).orElseThrow(() -> new NotFound(ErrorCode.GROUP_NOT_FOUND, "no such group"));
            requireMayInvite(tx, g, viewer);
            Long entry = checkEntry(tx, g, viewer, entryId);
            Invitation inv = createForUser(tx, g, viewer, username, entry);
            if (entry != null) {
                tx.entries().setInvitation(entry, inv.id());
            }
            return view(tx, inv);
        });
    }

    public InvitationView createLink(long viewer, long groupId, Integer maxUses, Integer expiresInHours, Long entryId) {
        if (maxUses != null && (maxUses < 1 || maxUses > 10_000)) {
            throw Invalid.value(ErrorCode.MAX_USES_OUT_OF_RANGE, "maxUses", "maxUses must be between 1 and 10000")
                    .with("max", 10_000);
        }
        int maxHours = services.limits.maxInvitationHours();
        int hours = expiresInHours == null ? 24 * 7 : expiresInHours;
        if (hours < 1 || hours > maxHours) {
            throw Invalid.value(ErrorCode.EXPIRY_OUT_OF_RANGE, "expiresInHours",
                    "expiresInHours must be between 1 and " + maxHours).with("maxHours", maxHours);
        }
        return services.write(tx -> {
            Group g = tx.groups().lock(groupId).orElseThrow(() -> new NotFound(ErrorCode.GROUP_NOT_FOUND, "no such group"));
            requireMayInvite(tx, g, viewer);
            Long entry = checkEntry(tx, g, viewer, entryId);
            Integer uses = entry != null ? Integer.valueOf(1) : maxUses; // an entry can be taken over once
            Instant now = services.now();
            long id = tx.invitations().insert(groupId, viewer, null, Secrets.random(20), uses,
                    now.plus(Duration.ofHours(hours)), entry, now);
            if (entry != null) {
                tx.entries().setInvitation(entry, id);
            }
            return view(tx, tx.invitations().get(id).orElseThrow());
        });
    }

    Invitation createForUser(StoreTx tx, Group g, long viewer, String username, Long entryId) {
        Account invitee = tx.accounts().byUsername(Username.of(username == null ? "" : username))
                .orElseThrow(() -> Invalid.value(ErrorCode.USER_NOT_FOUND, "username",
                        "no user named '" + username + "'").with("username", username));
        if (tx.groups().member(g.id(), invitee.id()).isPresent()) {
            throw new Conflict(ErrorCode.ALREADY_MEMBER, "'" + invitee.username() + "' is already a member", "username")
                    .with("username", invitee.username());
        }
        for (Invitation pending : tx.invitations().pendingFor(invitee.id())) {
            if (pending.groupId() == g.id() && pending.effectiveStatus(services.now()) == InvitationStatus.PENDING) {
                throw new Conflict(ErrorCode.ALREADY_INVITED, "'" + invitee.username()
                        + "' already has a pending invitation to this group", "username")
                        .with("username", invitee.username());
            }
        }
        Instant now = services.now();
        long id = tx.invitations().insert(g.id(), viewer, invitee.id(), null, null,
                now.plus(Duration.ofHours(services.limits.maxInvitationHours())), entryId, now);
        return tx.invitations().get(id).orElseThrow();
    }

    /** Pending invitations of a group: owners see all, members the ones they sent. */
    public List<InvitationView> ofGroup(long viewer, long groupId) {
        return services.read(tx -> {
            Member me = Visibility.requireMember(tx, groupId, viewer);
            List<InvitationView> views = new ArrayList<>();
            for (Invitation inv : tx.invitations().pendingOfGroup(groupId)) {
                if (me.role() == Role.OWNER || inv.inviterId() == viewer) {
                    InvitationView v = view(tx, inv);
                    if (v.status() == InvitationStatus.PENDING) {
                        views.add(v);
                    }
                }
            }
            return views;
        });
    }

    /** Withdraws an invitation: its inviter or an owner. */
    public void revoke(long viewer, long groupId, long invitationId) {
        services.write(tx -> {
            Member me = Visibility.requireMember(tx, groupId, viewer);
            Invitation inv = tx.invitations().get(invitationId).filter(i -> i.groupId() == groupId)
                    .orElseThrow(() -> new NotFound(ErrorCode.INVITATION_NOT_FOUND, "no such invitation"));
            if (me.role() != Role.OWNER && inv.inviterId() != viewer) {
                throw new Forbidden(ErrorCode.REVOKE_FORBIDDEN,
                        "only the inviter or an owner may revoke an invitation");
            }
            if (inv.status() != InvitationStatus.PENDING) {
                throw new Conflict(ErrorCode.INVITATION_NOT_PENDING, "the invitation is already " + inv.status().wire())
                        .with("status", inv.status().wire());
            }
            tx.invitations().setStatus(invitationId, InvitationStatus.REVOKED);
            return null;
        });
    }

    /** Invitations addressed to me that I can still accept. */
    public List<InvitationView> mine(long viewer) {
        return services.read(tx -> tx.invitations().pendingFor(viewer).stream()
                .map(inv -> view(tx, inv))
                .filter(v -> v.status() == InvitationStatus.PENDING)
                .filter(v -> tx.groups().get(v.invitation().groupId()).isPresent())
                .toList());
    }

    public GroupView accept(long viewer, long invitationId) {
        return services.mutate((tx, feed) -> {
            Invitation inv = addressedTo(tx, viewer, invitationId);
            Group g = tx.groups().lock(inv.groupId()).orElseThrow(() -> Gone.expired(ErrorCode.INVITATION_GROUP_GONE,
                    "the group no longer exists"));
            requirePending(tx.invitations().get(invitationId).orElseThrow());
            join(tx, feed, g, viewer, inv);
            tx.invitations().setStatus(invitationId, InvitationStatus.ACCEPTED);
            return Groups.view(tx, g.id(), viewer);
        });
    }

    public void decline(long viewer, long invitationId) {
        services.write(tx -> {
            Invitation inv = addressedTo(tx, viewer, invitationId);
            requirePending(inv);
            tx.invitations().setStatus(invitationId, InvitationStatus.DECLINED);
            return null;
        });
    }

    /** Joins through a link invitation's code. */
    public GroupView redeem(long viewer, String code) {
        if (code == null || code.isBlank() || code.length() > 64) {
            throw Invalid.value(ErrorCode.INVITATION_CODE_REQUIRED, "code", "an invitation code is required");
        }
        return services.mutate((tx, feed) -> {
            Invitation found = tx.invitations().byCode(code.strip()).orElseThrow(
                    () -> new NotFound(ErrorCode.INVITATION_CODE_UNKNOWN, "no invitation with this code", "code"));
            Group g = tx.groups().lock(found.groupId()).orElseThrow(() -> Gone.expired(ErrorCode.INVITATION_GROUP_GONE,
                    "the group no longer exists"));
            // re-read under the lock: uses may have moved
            Invitation inv = tx.invitations().get(found.id()).orElseThrow();
            requirePending(inv);
            join(tx, feed, g, viewer, inv);
            tx.invitations().use(inv.id());
            return Groups.view(tx, g.id(), viewer);
        });
    }

    /** What the join page shows for a code before the visitor decides: the group and who invites. */
    public InvitationView preview(String code) {
        return services.read(tx -> {
            Invitation inv = tx.invitations().byCode(code == null ? "" : code.strip())
                    .orElseThrow(() -> new NotFound(ErrorCode.INVITATION_CODE_UNKNOWN,
                            "no invitation with this code", "code"));
            if (tx.groups().get(inv.groupId()).isEmpty()) {
                throw new NotFound(ErrorCode.INVITATION_CODE_UNKNOWN, "no invitation with this code", "code");
            }
            return view(tx, inv);
        });
    }

    /**
     * Makes {@code viewer} a member. A live managed entry tied to the invitation is replaced in
     * place: the joiner's card takes over its UID so devices update the entry, not duplicate it.
     */
    private void join(StoreTx tx, FeedWriter feed, Group g, long viewer, Invitation inv) {
        if (tx.groups().member(g.id(), viewer).isPresent()) {
            throw new Conflict(ErrorCode.ALREADY_JOINED, "you are already a member of this group");
        }
        ManagedEntry entry = inv.entryId() == null ? null : tx.entries().get(g.id(), inv.entryId()).orElse(null);
        if (entry == null && Groups.occupancy(tx, g.id()) >= g.memberLimit()) {
            throw new Conflict(ErrorCode.MEMBER_LIMIT_REACHED,
                    "the group is full (member limit " + g.memberLimit() + ")")
                    .with("limit", g.memberLimit());
        }
        String alias = null;
        if (entry != null) {
            if (tx.groups().groupsOf(viewer).isEmpty()) {
                tx.cards().setUid(viewer, entry.uid()); // card not shown anywhere yet: it can simply take the UID
            } else {
                alias = entry.uid();
            }
            tx.entries().delete(g.id(), entry.id());
        }
        admit(tx, feed, g.id(), viewer, alias, Cards.card(tx, viewer).uid(), services.now());
    }

    /**
     * What every join writes, at the feed's position: the membership, the member's card row for
     * the group (under the UID it is shown under there) and the joiner's own row.
     */
    static void admit(StoreTx tx, FeedWriter feed, long groupId, long member, String alias, String ownUid,
                      Instant now) {
        tx.groups().insertMembership(groupId, member, Role.MEMBER, alias, feed.seq(), now);
        feed.group(groupId, member, Member.shownUid(alias, ownUid), ChangeKind.CARD);
        feed.viewer(member, groupId, null, ChangeKind.JOINED);
    }

    private Invitation addressedTo(StoreTx tx, long viewer, long invitationId) {
        return tx.invitations().get(invitationId).filter(i -> i.inviteeId() != null && i.inviteeId() == viewer)
                .orElseThrow(() -> new NotFound(ErrorCode.INVITATION_NOT_FOUND, "no such invitation"));
    }

    private void requirePending(Invitation inv) {
        InvitationStatus status = inv.effectiveStatus(services.now());
        if (status != InvitationStatus.PENDING) {
            boolean usedUp = status == InvitationStatus.EXPIRED && inv.maxUses() != null && inv.uses() >= inv.maxUses();
            ErrorCode code = usedUp ? ErrorCode.INVITATION_USED_UP : switch (status) {
                case EXPIRED -> ErrorCode.INVITATION_EXPIRED;
                case REVOKED -> ErrorCode.INVITATION_REVOKED;
                default -> ErrorCode.INVITATION_ANSWERED;
            };
            throw Gone.expired(code, "the invitation is " + (usedUp ? "used up" : status.wire()));
        }
    }

    private void requireMayInvite(StoreTx tx, Group g, long viewer) {
        Member me = Visibility.requireMember(tx, g.id(), viewer);
        if (me.role() != Role.OWNER && !g.membersMayInvite()) {
            throw new Forbidden(ErrorCode.OWNER_ONLY, "only the group's owner may invite to this group");
        }
    }

    private Long checkEntry(StoreTx tx, Group g, long viewer, Long entryId) {
        if (entryId == null) {
            return null;
        }
        Visibility.requireOwner(tx, g.id(), viewer, "tie invitations to managed entries");
        ManagedEntry entry = tx.entries().get(g.id(), entryId)
                .orElseThrow(() -> Invalid.value(ErrorCode.ENTRY_NOT_FOUND, "entryId",
                        "no managed entry " + entryId + " in this group"));
        return entry.id();
    }

    private InvitationView view(StoreTx tx, Invitation inv) {
        String group = tx.groups().get(inv.groupId()).map(Group::name).orElse("");
        String inviter = tx.accounts().get(inv.inviterId()).map(Account::username).orElse("");
        String invitee = inv.inviteeId() == null ? null
                : tx.accounts().get(inv.inviteeId()).map(Account::username).orElse(null);
        return new InvitationView(inv, group, inviter, invitee, inv.effectiveStatus(services.now()));
    }
}
