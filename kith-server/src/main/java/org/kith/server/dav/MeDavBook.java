package org.kith.server.dav;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.kith.core.Kith;
import org.kith.core.Precondition;
import org.kith.core.card.CardCodec;
import org.kith.core.view.OwnCard;

import ezvcard.VCardVersion;

/**
 * {@code me/}: a book of one card, the viewer's own, named {@value #CARD}, which they may
 * change from any client. It exists for clients that judge write access per book (DAVx5 makes
 * a book read-only unless it grants {@code write-content}, and the merged and group books do
 * not): there a member edits their card here, and every group sees the change. Its token names
 * the card's state, so it moves exactly when the card changes.
 */
final class MeDavBook implements DavBook {
    static final String ID = "me";
    static final String CARD = "me.vcf";

    private final Kith kith;
    private final long viewer;
    private final RenderCache cache;

    MeDavBook(Kith kith, long viewer, RenderCache cache) {
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
        return "My card";
    }

    @Override
    public String description() {
        return "Your own card: change it here and every group you are in sees it";
    }

    @Override
    public String syncToken() {
        return position(kith.cards().myCard(viewer));
    }

    @Override
    public List<DavCard> cards() {
        return List.of(card(kith.cards().myCard(viewer)));
    }

    @Override
    public Optional<DavCard> card(String name) {
        return name.equals(CARD) ? Optional.of(card(kith.cards().myCard(viewer))) : Optional.empty();
    }

    @Override
    public List<DavCard> cards(Collection<String> names) {
        return names.contains(CARD) ? cards() : List.of();
    }

    /** Any other token than the current one is an earlier state of the one card: it changed since. */
    @Override
    public SyncResult changes(String token, int limit) {
        OwnCard mine = kith.cards().myCard(viewer);
        String now = position(mine);
        return new SyncResult(now, now.equals(token) ? List.of() : List.of(card(mine)), List.of(), false);
    }

    @Override
    public boolean readWrite() {
        return false;
    }

    @Override
    public Access access() {
        return Access.OWN_CARD;
    }

    @Override
    public Written put(String name, String vcard, Precondition condition) {
        if (!name.equals(CARD)) {
            throw DavError.readOnly("this address book holds only your own card, " + CARD
                    + "; add new cards to a personal address book");
        }
        return OwnCardWrite.put(kith, viewer, this, name, vcard, condition);
    }

    @Override
    public void delete(String name, Precondition condition) {
        throw DavError.readOnly("your own card cannot be deleted; change it instead");
    }

    private DavCard card(OwnCard mine) {
        return new DavCard(CARD, mine.uid(), mine.etag(), VCardVersion.V3_0, true,
                version -> cache.get(mine.etag(), version, () -> CardCodec.render(mine.canonical(), mine.uid(), version)));
    }

    /** 56 bits of a hash of UID and ETag, as the decimal position sync tokens carry. */
    private static String position(OwnCard mine) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((mine.uid() + "\n" + mine.etag()).getBytes(StandardCharsets.UTF_8));
            long n = 0;
            for (int i = 0; i < 7; i++) {
                n = n << 8 | (hash[i] & 0xff);
            }
            return Long.toString(n);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
