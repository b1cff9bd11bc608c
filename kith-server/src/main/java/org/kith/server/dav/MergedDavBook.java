package org.kith.server.dav;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.kith.core.Kith;
import org.kith.core.Precondition;
import org.kith.core.feed.VisibleCard;
import org.kith.core.view.GroupMembers;
import org.kith.core.view.MergedBook;
import org.kith.core.view.MergedCards;
import org.kith.core.view.MergedChanges;

/** The merged book ({@code all}): every person visible to the viewer once, plus a group card per group. */
final class MergedDavBook implements DavBook {
    static final String ID = "all";

    private final Kith kith;
    private final long viewer;
    private final RenderCache cache;

    MergedDavBook(Kith kith, long viewer, RenderCache cache) {
        this.kith = kith;
        this.viewer = viewer;
        this.cache = cache;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Kith";
    }

    @Override
    public String description() {
        return "Everyone in your Kith groups";
    }

    @Override
    public String syncToken() {
        return kith.mergedBooks().token(viewer);
    }

    @Override
    public List<DavCard> cards() {
        MergedBook book = kith.mergedBooks().book(viewer);
        List<DavCard> out = new ArrayList<>(book.cards().size() + book.groups().size());
        for (VisibleCard card : book.cards()) {
            out.add(KithCards.of(card, viewer, cache));
        }
        for (GroupMembers group : book.groups()) {
            out.add(GroupCards.card(group, cache));
        }
        return out;
    }

    @Override
    public Optional<DavCard> card(String name) {
        return cards(List.of(name)).stream().findFirst();
    }

    @Override
    public List<DavCard> cards(Collection<String> names) {
        List<String> uids = names.stream().map(DavCard::uidOf).filter(u -> u != null).toList();
        if (uids.isEmpty()) {
            return List.of();
        }
        MergedCards found = kith.mergedBooks().cards(viewer, uids);
        List<DavCard> out = new ArrayList<>(found.cards().size() + found.groups().size());
        for (VisibleCard card : found.cards()) {
            out.add(KithCards.of(card, viewer, cache));
        }
        for (GroupMembers group : found.groups()) {
            out.add(GroupCards.card(group, cache));
        }
        return out;
    }

    @Override
    public SyncResult changes(String token, int limit) {
        MergedChanges changes = kith.mergedBooks().changes(viewer, token, limit);
        List<DavCard> updated = new ArrayList<>();
        for (VisibleCard card : changes.updated()) {
            updated.add(KithCards.of(card, viewer, cache));
        }
        for (GroupMembers group : changes.groupsUpdated()) {
            updated.add(GroupCards.card(group, cache));
        }
        List<String> removed = changes.removed().stream().map(DavCard::nameOf).toList();
        return new SyncResult(changes.syncToken(), updated, removed, changes.more());
    }

    @Override
    public boolean readWrite() {
        return false;
    }

    @Override
    public Written put(String name, String vcard, Precondition condition) {
        return OwnCardWrite.put(kith, viewer, this, name, vcard, condition);
    }
}
