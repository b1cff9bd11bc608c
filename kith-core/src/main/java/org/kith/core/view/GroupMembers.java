package org.kith.core.view;

import java.util.List;

/**
 * A group as one viewer sees it in the merged book: its name and description and the UIDs of
 * the cards the viewer may see in it (blockers of the viewer are not listed). Surfaces render
 * it as a group card (vCard 3 {@code X-ADDRESSBOOKSERVER-KIND:group}, vCard 4 {@code KIND:group}).
 */
public record GroupMembers(long groupId, String name, String description, List<String> memberUids) {}
