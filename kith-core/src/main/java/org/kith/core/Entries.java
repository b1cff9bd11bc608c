package org.kith.core;

import java.util.List;
import java.util.UUID;

import org.kith.core.card.CardCodec;
import org.kith.core.card.CardData;
import org.kith.core.card.ValidCard;
import org.kith.core.error.Conflict;
import org.kith.core.error.ErrorCode;
import org.kith.core.error.NotFound;
import org.kith.core.model.ChangeKind;
import org.kith.core.model.Group;
import org.kith.core.model.Invitation;
import org.kith.core.model.InvitationStatus;
import org.kith.core.model.ManagedEntry;
import org.kith.core.store.StoreTx;
import org.kith.core.view.EntryView;

/**
 * Managed entries: cards an owner types in for people who are not members (yet). They count
 * towards the member limit and are shown to every member at once. Owner only. Thread-safe.
 */
public final class Entries {
    private final Services services;
    private final Invitations invitations;

    Entries(Services services, Invitations invitations) {
        this.services = services;
        this.invitations = invitations;
    }

    /**
     * Adds an entry; with {@code inviteUsername} also invites that person, tied to the entry so
     * that on accepting, their own card takes the entry's place under the same UID.
     */
    public EntryView add(long viewer, long groupId, CardData card, String inviteUsername) {
        return services.mutate((tx, feed) -> {
            Group g = tx.groups().lock(groupId).orElseThrow(() -> new NotFound(ErrorCode.GROUP_NOT_FOUND, "no such group"));
            Visibility.requireOwner(tx, groupId, viewer, "add managed entries");
            if (Groups.occupancy(tx, groupId) >= g.memberLimit()) {
                throw new Conflict(ErrorCode.MEMBER_LIMIT_REACHED, "the group is full (member limit " + g.memberLimit()
                        + ")").with("limit", g.memberLimit());
            }
            ValidCard valid = services.cardRules.fromData(card, null, Cards.region(tx, viewer));
            String uid = UUID.randomUUID().toString();
            long entryId = tx.entries().insert(groupId, uid, valid.canonical(), valid.etag(), services.now());
            if (inviteUsername != null && !inviteUsername.isBlank()) {
                Invitation inv = invitations.createForUser(tx, g, viewer, inviteUsername, entryId);
                tx.entries().setInvitation(entryId, inv.id());
            }
            feed.group(groupId, null, uid, ChangeKind.CARD);
            return view(tx, groupId, entryId);
        });
    }

    public List<EntryView> list(long viewer, long groupId) {
        return services.read(tx -> {
            Visibility.requireMember(tx, groupId, viewer);
            return tx.entries().list(groupId).stream()
                    .map(e -> new EntryView(e, CardCodec.servedEtag(e.etag(), e.uid()))).toList();
        });
    }

    public EntryView update(long viewer, long groupId, long entryId, CardData card) {
        return services.mutate((tx, feed) -> {
            tx.groups().lock(groupId).orElseThrow(() -> new NotFound(ErrorCode.GROUP_NOT_FOUND, "no such group"));
            Visibility.requireOwner(tx, groupId, viewer, "edit managed entries");
            ManagedEntry entry = entry(tx, groupId, entryId);
            ValidCard valid = services.cardRules.fromData(card, CardCodec.fromCanonical(entry.vcard()),
                    Cards.region(tx, viewer));
            if (!valid.etag().equals(entry.etag())) {
                tx.entries().update(groupId, entryId, valid.canonical(), valid.etag());
                feed.group(groupId, null, entry.uid(), ChangeKind.CARD);
            }
            return view(tx, groupId, entryId);
        });
    }

    public void delete(long viewer, long groupId, long entryId) {
        services.mutate((tx, feed) -> {
            tx.groups().lock(groupId).orElseThrow(() -> new NotFound(ErrorCode.GROUP_NOT_FOUND, "no such group"));
            Visibility.requireOwner(tx, groupId, viewer, "delete managed entries");
            ManagedEntry entry = entry(tx, groupId, entryId);
            tx.entries().delete(groupId, entryId);
            if (entry.invitationId() != null) {
                tx.invitations().get(entry.invitationId()).filter(i -> i.status() == InvitationStatus.PENDING)
                        .ifPresent(i -> tx.invitations().setStatus(i.id(), InvitationStatus.REVOKED));
            }
            feed.group(groupId, null, entry.uid(), ChangeKind.CARD);
            return null;
        });
    }

    static ManagedEntry entry(StoreTx tx, long groupId, long entryId) {
        return tx.entries().get(groupId, entryId).orElseThrow(() -> new NotFound(ErrorCode.ENTRY_NOT_FOUND,
                "no such managed entry"));
    }

    private static EntryView view(StoreTx tx, long groupId, long entryId) {
        ManagedEntry e = entry(tx, groupId, entryId);
        return new EntryView(e, CardCodec.servedEtag(e.etag(), e.uid()));
    }
}
