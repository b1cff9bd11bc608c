package org.kith.server.dav;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

import org.kith.core.model.DeadProperty;

import ezvcard.VCardVersion;
import org.kith.core.Precondition;

/**
 * One vCard resource of a book as one viewer sees it: its name in the book, UID, whether this
 * viewer may write it, how to render it, and the dead properties a client stored on it. {@code etag} is the strong ETag (quoted) of the
 * card in its native version; the other version's bytes differ, and so does its ETag.
 */
record DavCard(String name, String uid, String etag, VCardVersion nativeVersion, boolean writable,
               Function<VCardVersion, String> renderer, List<DeadProperty> properties) {

    /** A card that carries no dead properties (only personal books' cards can). */
    DavCard(String name, String uid, String etag, VCardVersion nativeVersion, boolean writable,
            Function<VCardVersion, String> renderer) {
        this(name, uid, etag, nativeVersion, writable, renderer, List.of());
    }

    String render(VCardVersion version) {
        return renderer.apply(version);
    }

    /** The strong ETag of the card as served in {@code version}. */
    String etag(VCardVersion version) {
        if (version == nativeVersion) {
            return etag;
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] hash = digest.digest((etag + "@" + version.getVersion()).getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(hash).substring(0, 32) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A write's condition as the services compare it, with the native ETag: a client that read
     * the other version holds that version's ETag, which names the same state of the card.
     */
    Precondition nativeCondition(Precondition condition) {
        Precondition out = condition;
        for (VCardVersion v : VCardVersion.values()) {
            if (v != nativeVersion) {
                out = out.alias(etag(v), etag);
            }
        }
        return out;
    }

    /** The resource name Kith gives a card it serves: its UID and {@code .vcf}. */
    static String nameOf(String uid) {
        return uid + ".vcf";
    }

    /** The UID in a Kith resource name, or null if the name is not one Kith gives. */
    static String uidOf(String name) {
        return name.endsWith(".vcf") && name.length() > 4 ? name.substring(0, name.length() - 4) : null;
    }
}
