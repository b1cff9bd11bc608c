package org.kith.server.dav;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.kith.core.Kith;
import org.kith.core.push.PushRegistration;
import org.kith.server.webpush.PushBooks;
import org.kith.server.webpush.WebPush;

/**
 * WebDAV-Push as CardDAV sees it: the books' positions and tokens for the push planner, and the
 * registration calls of {@code POST push-register}, {@code DELETE} of a registration URL and
 * {@code Push-Dont-Notify}. Thread-safe.
 */
public final class DavPush implements PushBooks {
    private static final String PATH = Href.ROOT + "push/";

    private final Kith kith;
    private final RenderCache cache = new RenderCache(1024);
    private final Map<Long, String> usernames = new ConcurrentHashMap<>();
    private volatile WebPush push;

    public DavPush(Kith kith) {
        this.kith = kith;
    }

    /** Connects the running push service (it needs this object's positions to start). */
    public void attach(WebPush push) {
        this.push = push;
    }

    /** The registration URL's path for a public id. */
    public static String path(String publicId) {
        return PATH + publicId;
    }

    /** The public id in a registration URL (absolute or a path), or null when it is none. */
    static String publicIdOf(String url) {
        int at = url.indexOf(PATH);
        String id = at < 0 ? "" : url.substring(at + PATH.length());
        return id.matches("[A-Za-z0-9_-]{1,64}") ? id : null;
    }

    private String user(long viewer) {
        return usernames.computeIfAbsent(viewer, v -> kith.accounts().account(v).username());
    }

    @Override
    public OptionalLong position(long viewer, String book) {
        try {
            long groupId = GroupDavBook.groupIdOf(book);
            if (groupId > 0) { // the common case, in one read: the group book's token checks the membership itself
                return OptionalLong.of(Long.parseLong(kith.phonebooks().token(viewer, groupId)));
            }
            return new Library(kith, viewer, user(viewer), cache).book(book)
                    .map(b -> OptionalLong.of(Long.parseLong(b.syncToken()))).orElse(OptionalLong.empty());
        } catch (org.kith.core.error.NotFound e) {
            return OptionalLong.empty(); // the account or the membership ended meanwhile
        }
    }

    @Override
    public Map<Long, Long> positions(String book, java.util.Collection<Long> viewers) {
        long groupId = GroupDavBook.groupIdOf(book);
        if (groupId <= 0) {
            return PushBooks.super.positions(book, viewers);
        }
        Map<Long, Long> out = new java.util.HashMap<>();
        kith.phonebooks().tokens(groupId, viewers).forEach((viewer, token) -> out.put(viewer, Long.parseLong(token)));
        return out;
    }

    @Override
    public String displayName(long viewer, String book) {
        try {
            return new Library(kith, viewer, user(viewer), cache).book(book).map(DavBook::displayName).orElse(book);
        } catch (org.kith.core.error.NotFound e) {
            return book;
        }
    }

    @Override
    public String syncToken(long viewer, String book, long position) {
        return SyncTokens.of(user(viewer), book).uri(Long.toString(position));
    }

    String vapidPublicKey() {
        return push.vapidPublicKey();
    }

    String topic(long viewer, String book) {
        return push.topic(viewer, book);
    }

    PushRegistration register(long viewer, String book, String resource, String p256dh, String auth, Instant expires) {
        return push.register(viewer, book, resource, p256dh, auth, expires);
    }

    boolean unregister(long viewer, String publicId) {
        return push.unregister(viewer, publicId);
    }

    List<PushRegistration> registrations(long viewer) {
        return push.registrations(viewer);
    }

    /**
     * Runs a write under the request's {@code Push-Dont-Notify} header: {@code *}, or a list of
     * quoted registration URLs. Unparsable values and other accounts' registrations are ignored.
     */
    <T> T honouring(String header, long viewer, Supplier<T> write) {
        if (header == null || header.isBlank() || push == null) {
            return write.get();
        }
        if (header.strip().equals("*")) {
            return push.withoutNotifying(viewer, Set.of(), true, write);
        }
        Set<String> ids = new java.util.HashSet<>();
        for (String part : header.split(",")) {
            String v = part.strip();
            if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                v = v.substring(1, v.length() - 1);
            }
            String id = publicIdOf(v);
            if (id != null) {
                ids.add(id);
            }
        }
        return ids.isEmpty() ? write.get() : push.withoutNotifying(viewer, ids, false, write);
    }
}
