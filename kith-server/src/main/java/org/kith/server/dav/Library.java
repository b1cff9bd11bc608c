package org.kith.server.dav;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.kith.core.Kith;
import org.kith.core.PersonalBooks;
import org.kith.core.error.NotFound;
import org.kith.core.model.Group;
import org.kith.core.model.PersonalBook;

/**
 * The books in one viewer's home, in the order clients list them: the merged book first (the
 * one iOS/macOS show), the viewer's own card ({@code me/}), one book per group, then the
 * personal books.
 */
final class Library {
    private final Kith kith;
    private final long viewer;
    private final String user;
    private final RenderCache cache;

    Library(Kith kith, long viewer, String user, RenderCache cache) {
        this.kith = kith;
        this.viewer = viewer;
        this.user = user;
        this.cache = cache;
    }

    List<DavBook> books() {
        List<DavBook> books = new ArrayList<>();
        books.add(new MergedDavBook(kith, viewer, cache));
        books.add(new MeDavBook(kith, viewer, cache));
        for (Group group : kith.groups().memberOf(viewer)) {
            books.add(new GroupDavBook(kith, viewer, group, cache));
        }
        for (PersonalBook book : kith.personalBooks().list(viewer)) {
            books.add(new PersonalDavBook(kith, viewer, user, book, cache));
        }
        return books;
    }

    Optional<DavBook> book(String id) {
        if (id.equals(MergedDavBook.ID)) {
            return Optional.of(new MergedDavBook(kith, viewer, cache));
        }
        if (id.equals(MeDavBook.ID)) {
            return Optional.of(new MeDavBook(kith, viewer, cache));
        }
        long groupId = GroupDavBook.groupIdOf(id);
        if (groupId > 0) {
            try {
                return Optional.of(new GroupDavBook(kith, viewer, kith.groups().memberOf(viewer, groupId), cache));
            } catch (NotFound e) {
                return Optional.empty();
            }
        }
        if (id.equals(PersonalBooks.DEFAULT_SLUG)) {
            kith.personalBooks().list(viewer); // the default book exists from the first look
        }
        return kith.personalBooks().book(viewer, id).map(b -> new PersonalDavBook(kith, viewer, user, b, cache));
    }

    /** A new personal book (MKCOL). */
    void createBook(String id, String displayName, String description) {
        kith.personalBooks().create(viewer, id, displayName, description);
    }
}
