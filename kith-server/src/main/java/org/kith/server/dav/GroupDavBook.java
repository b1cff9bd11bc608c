package org.kith.server.dav;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.kith.core.Kith;
import org.kith.core.Precondition;
import org.kith.core.model.Group;
import org.kith.core.view.Changes;

/** One group's phonebook ({@code group-12}): the cards the viewer may see in that group. */
final class GroupDavBook implements DavBook {
    static final String PREFIX = "group-";

    private final Kith kith;
    private final long viewer;
    private final Group group;
    private final RenderCache cache;

    GroupDavBook(Kith kith, long viewer, Group group, RenderCache cache) {
        this.kith = kith;
        this.viewer = viewer;
        this.group = group;
        this.cache = cache;
    }

    /** The group id in a book id such as {@code group-12}, or -1. */
    static long groupIdOf(String bookId) {
        if (!bookId.startsWith(PREFIX) || bookId.length() > PREFIX.length() + 18) {
            return -1;
        }
        String digits = bookId.substring(PREFIX.length());
        return digits.matches("[1-9][0-9]*") ? Long.parseLong(digits) : -1;
    }

    private long groupId() {
        return group.id();
    }

    @Override
    public String id() {
        return PREFIX + groupId();
    }

    @Override
    public String displayName() {
        return group.name();
    }

    @Override
    public String description() {
        return group.description();
    }

    @Override
    public String syncToken() {
        return kith.phonebooks().token(viewer, groupId());
    }

    @Override
    public List<DavCard> cards() {
        return kith.phonebooks().phonebook(viewer, groupId()).cards().stream()
                .map(c -> KithCards.of(c, viewer, cache)).toList();
    }

    @Override
    public Optional<DavCard> card(String name) {
        String uid = DavCard.uidOf(name);
        return uid == null ? Optional.empty()
                : kith.phonebooks().card(viewer, groupId(), uid).map(c -> KithCards.of(c, viewer, cache));
    }

    @Override
    public List<DavCard> cards(Collection<String> names) {
        List<String> uids = names.stream().map(DavCard::uidOf).filter(u -> u != null).toList();
        return uids.isEmpty() ? List.of() : kith.phonebooks().cards(viewer, groupId(), uids).stream()
                .map(c -> KithCards.of(c, viewer, cache)).toList();
    }

    @Override
    public SyncResult changes(String token, int limit) {
        Changes changes = kith.phonebooks().changes(viewer, groupId(), token, limit);
        return new SyncResult(changes.syncToken(),
                changes.updated().stream().map(c -> KithCards.of(c, viewer, cache)).toList(),
                changes.removed().stream().map(DavCard::nameOf).toList(), changes.more());
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
