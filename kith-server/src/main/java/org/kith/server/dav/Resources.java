package org.kith.server.dav;

import static org.kith.server.dav.DavNames.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.namespace.QName;

import org.kith.core.model.DeadProperty;

import ezvcard.VCardVersion;

/**
 * The properties of each kind of resource, as lazily written values: the root, a principal,
 * the address-book home, a book and a card. {@link #ALLPROP} lists what {@code allprop} returns
 * (the cheap ones; {@code address-data} only when asked for).
 */
final class Resources {
    static final Set<QName> ALLPROP = Set.of(RESOURCETYPE, DISPLAYNAME, GETETAG, GETCONTENTTYPE,
            ADDRESSBOOK_DESCRIPTION, GETCTAG, SYNC_TOKEN, CURRENT_USER_PRINCIPAL, OWNER);

    private static final List<QName> READ = List.of(dav("read"), dav("read-current-user-privilege-set"));
    /** The own card's content can be replaced (PUT), wherever it is; it has no properties a PROPPATCH could set. */
    private static final List<QName> OWN_CARD = List.of(dav("read"), dav("read-current-user-privilege-set"),
            dav("write-content"));
    private static final List<QName> READ_WRITE = List.of(dav("read"), dav("read-current-user-privilege-set"),
            dav("write"), dav("write-content"), dav("write-properties"), dav("bind"), dav("unbind"));

    private Resources() {}

    static Map<QName, PropWriter> root(DavContext ctx) {
        Map<QName, PropWriter> p = common(ctx);
        p.put(RESOURCETYPE, out -> out.empty(COLLECTION));
        p.put(DISPLAYNAME, PropWriter.text("Kith"));
        p.put(CURRENT_USER_PRIVILEGE_SET, privileges(READ));
        return p;
    }

    static Map<QName, PropWriter> principal(DavContext ctx) {
        Map<QName, PropWriter> p = common(ctx);
        p.put(RESOURCETYPE, out -> out.empty(COLLECTION).empty(PRINCIPAL));
        p.put(DISPLAYNAME, PropWriter.text(ctx.account().displayName()));
        p.put(PRINCIPAL_URL, PropWriter.href(Href.principal(ctx.user())));
        p.put(ADDRESSBOOK_HOME_SET, PropWriter.href(Href.home(ctx.user())));
        p.put(CURRENT_USER_PRIVILEGE_SET, privileges(READ));
        putMeCard(p, ctx);
        return p;
    }

    static Map<QName, PropWriter> home(DavContext ctx) {
        Map<QName, PropWriter> p = common(ctx);
        p.put(RESOURCETYPE, out -> out.empty(COLLECTION));
        p.put(DISPLAYNAME, PropWriter.text(ctx.account().displayName()));
        p.put(OWNER, PropWriter.href(Href.principal(ctx.user())));
        p.put(CURRENT_USER_PRIVILEGE_SET, privileges(List.of(dav("read"), dav("read-current-user-privilege-set"),
                dav("bind"), dav("unbind"))));
        putMeCard(p, ctx);
        putPush(p, ctx, "");
        return p;
    }

    static Map<QName, PropWriter> book(DavContext ctx, DavBook book) {
        Map<QName, PropWriter> p = common(ctx);
        p.put(RESOURCETYPE, out -> out.empty(COLLECTION).empty(ADDRESSBOOK));
        p.put(DISPLAYNAME, PropWriter.text(book.displayName()));
        p.put(ADDRESSBOOK_DESCRIPTION, PropWriter.text(book.description() == null ? "" : book.description()));
        String[] token = new String[1]; // getctag and sync-token are the same position: read it once
        PropWriter position = out -> {
            if (token[0] == null) {
                token[0] = SyncTokens.of(ctx.user(), book.id()).uri(book.syncToken());
            }
            out.text(token[0]);
        };
        p.put(GETCTAG, position);
        p.put(SYNC_TOKEN, position);
        p.put(SUPPORTED_ADDRESS_DATA, out -> out
                .emptyWith(ADDRESS_DATA_TYPE, "content-type", "text/vcard", "version", "3.0")
                .emptyWith(ADDRESS_DATA_TYPE, "content-type", "text/vcard", "version", "4.0"));
        p.put(MAX_RESOURCE_SIZE, PropWriter.text(Integer.toString(ctx.maxCardBytes())));
        p.put(MAX_IMAGE_SIZE, PropWriter.text(Integer.toString(ctx.kith().limits().maxPhotoBytes())));
        p.put(SUPPORTED_REPORT_SET, out -> {
            for (QName report : Report.KINDS.keySet()) {
                out.open(SUPPORTED_REPORT).open(REPORT).empty(report).close(REPORT).close(SUPPORTED_REPORT);
            }
        });
        p.put(OWNER, PropWriter.href(Href.principal(ctx.user())));
        // The own card is accepted in every book, but a book of mostly other people's cards says
        // read-only: clients that judge per book (DAVx5) then never try to upload the others.
        p.put(CURRENT_USER_PRIVILEGE_SET, privileges(switch (book.access()) {
            case READ -> READ;
            case OWN_CARD -> OWN_CARD;
            case READ_WRITE -> READ_WRITE;
        }));
        putStored(p, book.properties());
        putPush(p, ctx, book.id());
        return p;
    }

    static Map<QName, PropWriter> card(DavContext ctx, DavCard card, VCardVersion version) {
        Map<QName, PropWriter> p = common(ctx);
        p.put(RESOURCETYPE, PropWriter.empty());
        p.put(GETETAG, PropWriter.text(card.etag(version)));
        p.put(GETCONTENTTYPE, PropWriter.text(contentType(version)));
        p.put(GETCONTENTLENGTH, out -> out.text(Integer.toString(
                card.render(version).getBytes(java.nio.charset.StandardCharsets.UTF_8).length)));
        p.put(ADDRESS_DATA, out -> out.text(card.render(version)));
        p.put(OWNER, PropWriter.href(Href.principal(ctx.user())));
        p.put(CURRENT_USER_PRIVILEGE_SET, privileges(card.writable() ? OWN_CARD : READ));
        putStored(p, card.properties());
        return p;
    }

    /** Dead properties after the live ones; a live property keeps its name (it cannot be set anyway). */
    private static void putStored(Map<QName, PropWriter> p, List<DeadProperty> stored) {
        for (DeadProperty d : stored) {
            p.putIfAbsent(new QName(d.namespace(), d.name()), new PropWriter.Stored(d.value()));
        }
    }

    static String contentType(VCardVersion version) {
        return version == VCardVersion.V4_0 ? "text/vcard; charset=utf-8; version=4.0" : "text/vcard; charset=utf-8";
    }

    private static Map<QName, PropWriter> common(DavContext ctx) {
        Map<QName, PropWriter> p = new LinkedHashMap<>();
        p.put(CURRENT_USER_PRINCIPAL, PropWriter.href(Href.principal(ctx.user())));
        p.put(PRINCIPAL_COLLECTION_SET, PropWriter.href(Href.ROOT + "principals/"));
        return p;
    }

    /** My card in the merged book; someone in no group has no card there, so no me-card either. */
    private static void putMeCard(Map<QName, PropWriter> p, DavContext ctx) {
        String uid = ctx.kith().cards().myCard(ctx.viewer()).uid();
        if (!ctx.kith().mergedBooks().cards(ctx.viewer(), List.of(uid)).cards().isEmpty()) {
            p.put(ME_CARD, PropWriter.href(Href.member(ctx.user(), MergedDavBook.ID, DavCard.nameOf(uid))));
        }
    }

    /** WebDAV-Push: the Web Push transport with the VAPID key, the topic, and what may trigger a push. */
    private static void putPush(Map<QName, PropWriter> p, DavContext ctx, String book) {
        PropWriter transports = out -> out.open(WEB_PUSH)
                .elementWith(VAPID_PUBLIC_KEY, ctx.push().vapidPublicKey(), "type", "p256ecdsa").close(WEB_PUSH);
        p.put(TRANSPORTS, transports);
        p.put(PUSH_TRANSPORTS_OLD, transports);
        p.put(TOPIC, out -> out.text(ctx.push().topic(ctx.viewer(), book)));
        p.put(SUPPORTED_TRIGGERS, out -> out
                .open(CONTENT_UPDATE).element(DEPTH, "1").close(CONTENT_UPDATE)
                .open(PROPERTY_UPDATE).element(DEPTH, "0").close(PROPERTY_UPDATE));
    }

    private static PropWriter privileges(List<QName> privileges) {
        return out -> {
            for (QName privilege : privileges) {
                out.open(PRIVILEGE).empty(privilege).close(PRIVILEGE);
            }
        };
    }
}
