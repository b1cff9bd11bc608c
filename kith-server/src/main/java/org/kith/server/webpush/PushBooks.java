package org.kith.server.webpush;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The books push speaks of, as the CardDAV surface serves them. Positions are read through the
 * services, so they are what that viewer may see: a registration is pushed only when its
 * viewer's position in its book moved. Implementations are thread-safe.
 */
public interface PushBooks {
    /** The viewer's position in the book now, or empty when the viewer has no such book (any more). */
    OptionalLong position(long viewer, String book);

    /**
     * Many viewers' positions in books of the same id, each as {@link #position} gives it; viewers
     * without such a book are left out. Implementations may read them together.
     */
    default Map<Long, Long> positions(String book, Collection<Long> viewers) {
        Map<Long, Long> out = new HashMap<>();
        for (long viewer : viewers) {
            position(viewer, book).ifPresent(p -> out.put(viewer, p));
        }
        return out;
    }

    /** The book's name as the viewer's phone shows it, or the id when the viewer has no such book now. */
    String displayName(long viewer, String book);

    /** The {@code DAV:sync-token} a client is given for that position of the viewer's book. */
    String syncToken(long viewer, String book, long position);
}
