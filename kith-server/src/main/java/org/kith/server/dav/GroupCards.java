package org.kith.server.dav;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.kith.core.view.GroupMembers;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.property.Kind;
import ezvcard.property.Member;
import ezvcard.property.StructuredName;

/**
 * The group card the merged book shows for each group, the form iOS/macOS Contacts read as a
 * group: vCard 3.0 with {@code X-ADDRESSBOOKSERVER-KIND:group} and one
 * {@code X-ADDRESSBOOKSERVER-MEMBER} per member, vCard 4.0 with {@code KIND:group} and
 * {@code MEMBER}. The members listed are exactly the cards the viewer may see in the group.
 */
final class GroupCards {
    private GroupCards() {}

    static DavCard card(GroupMembers group, RenderCache cache) {
        String uid = group.cardUid();
        String etag = etag(group);
        return new DavCard(DavCard.nameOf(uid), uid, etag, VCardVersion.V3_0, false,
                version -> cache.get(etag, version, () -> render(group, uid, version)));
    }

    static String render(GroupMembers group, String uid, VCardVersion version) {
        VCard card = new VCard();
        card.setUid(new ezvcard.property.Uid(uid));
        card.setFormattedName(group.name());
        StructuredName n = new StructuredName();
        n.setFamily(group.name());
        card.setStructuredName(n);
        if (group.description() != null && !group.description().isBlank()) {
            card.addNote(group.description());
        }
        if (version == VCardVersion.V4_0) {
            card.setKind(Kind.group());
            for (String member : group.memberUids()) {
                card.addMember(new Member("urn:uuid:" + member));
            }
        } else {
            card.addExtendedProperty("X-ADDRESSBOOKSERVER-KIND", "group");
            for (String member : group.memberUids()) {
                card.addExtendedProperty("X-ADDRESSBOOKSERVER-MEMBER", "urn:uuid:" + member);
            }
        }
        return Ezvcard.write(card).version(version).prodId(false).go();
    }

    /** Over what is served: name, description and the member list, in order. */
    private static String etag(GroupMembers group) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(group.name().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(String.valueOf(group.description()).getBytes(StandardCharsets.UTF_8));
            for (String member : group.memberUids()) {
                digest.update((byte) 0);
                digest.update(member.getBytes(StandardCharsets.UTF_8));
            }
            return "\"g" + HexFormat.of().formatHex(digest.digest()).substring(0, 31) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
