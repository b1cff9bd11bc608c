package org.kith.server.dav;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;

import org.kith.core.push.PushRegistration;
import org.kith.server.webpush.InvalidSubscription;
import org.w3c.dom.Element;

/**
 * {@code POST} of {@code push-register} to a book (WebDAV-Push): registers or renews a Web Push
 * subscription for it. No trigger (what DAVx5 4.4.10–4.5.19 sends) means content updates, depth 1;
 * no content-encoding means {@code aes128gcm}, the only one Kith sends. Answers 201 with the
 * registration URL ({@code Location}) and its expiry ({@code Expires}); refusals are 403 with the
 * draft's preconditions. Element names are accepted in the current namespace and the early drafts'.
 */
final class PushRegister implements DavMethod {
    static final int MAX_XML = 16 * 1024;
    private static final Set<String> NAMESPACES = Set.of(DavNames.PUSH, DavNames.PUSH_OLD);

    @Override
    public void handle(DavContext ctx, Target target) {
        Element root = Xml.parse(ctx.exchange().body(MAX_XML, () ->
                new DavError(413, DavNames.INVALID_SUBSCRIPTION, "a push-register body holds at most " + MAX_XML + " bytes")));
        if (root == null || !isPush(root, "push-register")) {
            throw DavError.badRequest("a POST here must carry a push-register element (WebDAV-Push)");
        }
        if (!(target instanceof Target.Book b)) {
            throw DavError.forbidden(DavNames.PUSH_NOT_AVAILABLE, "push is registered per address book, not here");
        }
        DavBook book = Books.require(ctx, b.book());
        Element subscription = one(root, "subscription");
        Element web = subscription == null ? null : one(subscription, "web-push-subscription");
        if (web == null) {
            throw invalid("the push-register needs one subscription with a web-push-subscription");
        }
        String encoding = text(web, "content-encoding");
        if (encoding != null && !encoding.equalsIgnoreCase("aes128gcm")) {
            throw invalid("Kith sends only aes128gcm-encrypted pushes, not " + encoding);
        }
        Element key = one(web, "subscription-public-key");
        if (key != null && !key.getAttribute("type").isEmpty() && !key.getAttribute("type").equals("p256dh")) {
            throw invalid("the subscription-public-key must be of type p256dh");
        }
        String resource = text(web, "push-resource");
        if (resource == null || key == null || text(web, "auth-secret") == null) {
            throw invalid("a web-push-subscription needs push-resource, subscription-public-key and auth-secret");
        }
        checkTrigger(one(root, "trigger"));
        Instant expires = expires(text(root, "expires"));
        PushRegistration reg;
        try {
            reg = ctx.push().register(ctx.viewer(), book.id(), resource, key.getTextContent(), text(web, "auth-secret"),
                    expires);
        } catch (InvalidSubscription e) {
            throw invalid(e.getMessage());
        }
        ctx.exchange().setHeader("Location", ctx.baseUrl() + DavPush.path(reg.publicId()));
        ctx.exchange().setHeader("Expires", DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.ofInstant(reg.expiresAt(), ZoneOffset.UTC)));
        ctx.exchange().send(201);
    }

    /** Content updates are served at depth 1 (deeper is downgraded); property updates at depth 0. */
    private static void checkTrigger(Element trigger) {
        if (trigger == null) {
            return;
        }
        if (one(trigger, "content-update") == null && one(trigger, "property-update") == null) {
            throw DavError.forbidden(DavNames.NO_SUPPORTED_TRIGGER,
                    "the trigger names no content-update or property-update, the triggers Kith supports");
        }
    }

    private static Instant expires(String text) {
        if (text == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(text.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid("expires must be an HTTP date such as 'Tue, 08 Dec 2026 10:00:00 GMT', not '" + text.strip() + "'");
        }
    }

    private static DavError invalid(String message) {
        return DavError.forbidden(DavNames.INVALID_SUBSCRIPTION, message);
    }

    private static boolean isPush(Element e, String local) {
        return local.equals(e.getLocalName()) && NAMESPACES.contains(e.getNamespaceURI());
    }

    /** The only child of that name; two of them is a malformed request. */
    private static Element one(Element parent, String local) {
        Element found = null;
        for (Element e : Xml.children(parent)) {
            if (isPush(e, local)) {
                if (found != null) {
                    throw invalid("the push-register has more than one " + local.toLowerCase(Locale.ROOT));
                }
                found = e;
            }
        }
        return found;
    }

    private static String text(Element parent, String local) {
        Element e = one(parent, local);
        if (e == null) {
            return null;
        }
        String t = e.getTextContent().strip();
        return t.isEmpty() ? null : t;
    }
}
