package org.kith.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.kith.core.error.Conflict;
import org.kith.core.error.ErrorCode;
import org.kith.core.error.Invalid;
import org.kith.core.error.NotFound;
import org.kith.core.model.Account;
import org.kith.core.model.ChangeKind;
import org.kith.core.model.Group;
import org.kith.core.model.Invitation;
import org.kith.core.model.InvitationStatus;
import org.kith.core.model.Member;
import org.kith.core.model.Role;
import org.kith.core.model.Username;
import org.kith.core.store.StoreTx;
import org.kith.core.view.GroupView;
import org.kith.core.view.MemberView;

/**
 * Groups and their membership: create, read, edit, delete, leave, remove, transfer. A group is
 * "not found" for anyone who is not a member. Thread-safe.
 */
public final class Groups {
    private final Services services;

    Groups(Services services) {
        this.services = services;
    }

    /** The fields of a group an owner may change; null means "leave as it is". */
    public record Edit(String name, String description, Integer memberLimit, Boolean membersMayInvite) {}

    public GroupView create(long ownerId, String name, String description, Integer memberLimit) {
        String n = checkName(name);
        String d = checkDescription(description);
        int limit = checkLimit(memberLimit == null ? Math.min(services.limits.defaultMemberLimit(),
                services.limits.maxMembersPerGroup()) : memberLimit, 1);
        return services.mutate((tx, feed) -> {
            long id = tx.groups().insert(n, d, limit, true, ownerId, services.now());
            tx.groups().insertMembership(id, ownerId, Role.OWNER, null, feed.seq(), services.now());
            feed.group(id, ownerId, Cards.card(tx, ownerId).uid(), ChangeKind.CARD);
            feed.viewer(ownerId, id, null, ChangeKind.JOINED);
            return view(tx, id, ownerId);
        });
    }

    /** The viewer's groups as they are, without the member counts of {@link #list} (cheaper). */
    public List<Group> memberOf(long viewer) {
        return services.read(tx -> tx.groups().groupsOf(viewer));
    }

    /**
     * One of the viewer's groups as it is, without the member count of {@link #get} (cheaper).
     * @throws NotFound unless the viewer is a member
     */
    public Group memberOf(long viewer, long groupId) {
        return services.read(tx -> {
            Visibility.requireMember(tx, groupId, viewer);
            return tx.groups().get(groupId).orElseThrow(() -> new NotFound(ErrorCode.GROUP_NOT_FOUND, "no such group"));
        });
    }

    public List<GroupView> list(long viewer) {
        return services.read(tx -> {
            List<GroupView> views = new ArrayList<>();
            for (Group g : tx.groups().groupsOf(viewer)) {
                views.add(view(tx, g.id(), viewer));
            }
            return views;
        });
    }

    public GroupView get(long viewer, long groupId) {
        return services.read(tx -> view(tx, groupId, viewer));
    }

    public GroupView edit(long viewer, long groupId, Edit edit) {
        String name = edit.name() == null ? null : checkName(edit.name());
        String description = edit.description() == null ? null : checkDescription(edit.description());
        return services.mutate((tx, feed) -> {
            Group g = tx.groups().lock(groupId).orElseThrow(() -> new NotFound(ErrorCode.GROUP_NOT_FOUND, "no such group"));
            Visibility.requireOwner(tx, groupId, viewer, "edit the group");
            int limit = g.memberLimit();
            if (edit.memberLimit() != null) {
                limit = checkLimit(edit.memberLimit(), occupancy(tx, groupId));
            }
            tx.groups().update(groupId, name == null ? g.name() : name,
                    description == null ? g.description() : description, limit,
                    edit.membersMayInvite() == null ? g.membersMayInvite() : edit.membersMayInvite());
            feed.group(groupId, null, null, ChangeKind.GROUP);
            return view(tx, groupId, viewer);
        });
    }

    /** Deletes the group: every member loses it and its cards. Owner only. */
    public void delete(long viewer, long groupId) {
        services.mutate((tx, feed) -> {
            tx.groups().lock(groupId).orElseThrow(() -> new NotFound(ErrorCode.GROUP_NOT_FOUND, "no such group"));
            Visibility.requireOwner(tx, groupId, viewer, "delete the group");
            deleteLocked(tx, feed, groupId);
            return null;
        });
    }

    private void deleteLocked(StoreTx tx, FeedWriter feed, long groupId) {
        for (Member m : tx.groups().members(groupId)) {
            feed.viewer(m.accountId(), groupId, null, ChangeKind.LEFT);
        }
        for (Invitation inv : tx.invitations().pendingOfGroup(groupId)) {
            tx.invitations().setStatus(inv.id(), InvitationStatus.REVOKED);
        }
        tx.groups().delete(groupId, feed.seq(), services.now());
    }

    public List<MemberView> members(long viewer, long groupId) {
        return services.read(tx -> {
            Member me = Visibility.requireMember(tx, groupId, viewer);
            Set<Long> hidden = Visibility.hiddenFrom(tx, viewer);
            return Visibility.members(tx, me, hidden).stream()
                    .map(m -> new MemberView(m.username(), m.displayName(), m.role(), m.joinedAt())).toList();
        });
    }

    /**
     * Ends a membership: the owner removes someone, or anyone removes themselves (leaves).
     * The owner may leave only as the last member (which deletes the group).
     */
    public void removeMember(long viewer, long groupId, String username) {
        services.mutate((tx, feed) -> {
            tx.groups().lock(groupId).orElseThrow(() -> new NotFound(ErrorCode.GROUP_NOT_FOUND, "no such group"));
            Member me = Visibility.requireMember(tx, groupId, viewer);
            Account target = tx.accounts().byUsername(Username.of(username == null ? "" : username))
                    .orElseThrow(() -> new NotFound(ErrorCode.MEMBER_NOT_FOUND,
                            "no member '" + username + "' in this group").with("username", username));
            if (target.id() != viewer && me.role() != Role.OWNER) {
                throw new org.kith.core.error.Forbidden(ErrorCode.OWNER_ONLY,
                        "only the group's owner may remove members");
            }
            Member leaving = tx.groups().member(groupId, target.id())
                    .orElseThrow(() -> new NotFound(ErrorCode.MEMBER_NOT_FOUND,
                            "no member '" + username + "' in this group").with("username", username));
            if (leaving.role() == Role.OWNER) {
                if (tx.groups().memberCount(groupId) > 1) {
                    throw new Conflict(ErrorCode.OWNER_CANNOT_LEAVE,
                            "the owner cannot leave while others remain: transfer ownership first");
                }
                deleteLocked(tx, feed, groupId);
                return null;
            }
            tx.groups().endMembership(groupId, target.id(), feed.seq(), services.now());
            feed.group(groupId, target.id(), leaving.cardUid(), ChangeKind.CARD);
            feed.viewer(target.id(), groupId, null, ChangeKind.LEFT);
            return null;
        });
    }

    /** The owner hands the group to another member and becomes a plain member. */
    public GroupView transferOwnership(long viewer, long groupId, String username) {
        return services.mutate((tx, feed) -> {
            tx.groups().lock(groupId).orElseThrow(() -> new NotFound(ErrorCode.GROUP_NOT_FOUND, "no such group"));
            Visibility.requireOwner(tx, groupId, viewer, "transfer ownership");
            Account target = tx.accounts().byUsername(Username.of(username == null ? "" : username))
                    .orElseThrow(() -> Invalid.value(ErrorCode.MEMBER_NOT_FOUND, "username",
                            "no member '" + username + "' in this group").with("username", username));
            tx.groups().member(groupId, target.id())
                    .orElseThrow(() -> Invalid.value(ErrorCode.MEMBER_NOT_FOUND, "username",
                            "no member '" + username + "' in this group").with("username", username));
            if (target.id() != viewer) {
                tx.groups().setRole(groupId, viewer, Role.MEMBER);
                tx.groups().setRole(groupId, target.id(), Role.OWNER);
                tx.groups().setOwner(groupId, target.id());
                feed.group(groupId, null, null, ChangeKind.GROUP);
            }
            return view(tx, groupId, viewer);
        });
    }

    /** Members plus managed entries: what the member limit bounds. */
    static int occupancy(StoreTx tx, long groupId) {
        return tx.groups().memberCount(groupId) + tx.entries().list(groupId).size();
    }

    static GroupView view(StoreTx tx, long groupId, long viewer) {
        Group g = tx.groups().get(groupId).orElseThrow(() -> new NotFound(ErrorCode.GROUP_NOT_FOUND, "no such group"));
        Member me = Visibility.requireMember(tx, groupId, viewer);
        Set<Long> hidden = Visibility.hiddenFrom(tx, viewer);
        String owner = tx.accounts().get(g.ownerId()).map(Account::username).orElse("");
        return new GroupView(g, owner, me.role(), Visibility.memberCount(tx, me, hidden));
    }

    private static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw Invalid.value(ErrorCode.GROUP_NAME_EMPTY, "name", "the group needs a name");
        }
        if (name.strip().length() > 100) {
            throw Invalid.value(ErrorCode.GROUP_NAME_TOO_LONG, "name", "the group name must be at most 100 characters")
                    .with("max", 100);
        }
        return name.strip();
    }

    private static String checkDescription(String description) {
        if (description == null) {
            return "";
        }
        if (description.length() > 2000) {
            throw Invalid.value(ErrorCode.GROUP_DESCRIPTION_TOO_LONG, "description",
                    "the description must be at most 2000 characters").with("max", 2000);
        }
        return description.strip();
    }

    private int checkLimit(int limit, int atLeast) {
        int max = services.limits.maxMembersPerGroup();
        if (limit < 1 || limit > max) {
            throw Invalid.value(ErrorCode.MEMBER_LIMIT_OUT_OF_RANGE, "memberLimit",
                    "memberLimit must be between 1 and " + max).with("max", max);
        }
        if (limit < atLeast) {
            throw Invalid.value(ErrorCode.MEMBER_LIMIT_BELOW_OCCUPANCY, "memberLimit",
                    "memberLimit cannot be below the current " + atLeast + " members and entries")
                    .with("occupancy", atLeast);
        }
        return limit;
    }
}
