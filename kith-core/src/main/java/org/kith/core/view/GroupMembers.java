package org.kith.core.view;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * A group as one viewer sees it in the merged book: its name and description and the UIDs of
 * the cards the viewer may see in it (blockers of the viewer are not listed). Surfaces render
 * it as a group card (vCard 3 {@code X-ADDRESSBOOKSERVER-KIND:group}, vCard 4 {@code KIND:group})
 * under {@link #cardUid()}.
 */
public record GroupMembers(long groupId, String name, String description, List<String> memberUids) {

    /** The group card's UID: stable for the group, the same for every viewer. */
    public static String cardUid(long groupId) {
        return UUID.nameUUIDFromBytes(("kith-group:" + groupId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    public String cardUid() {
        return cardUid(groupId);
    }
}
