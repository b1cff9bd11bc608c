package org.kith.core.model;

/** What a change-feed row says happened. */
public enum ChangeKind {
    /** The card with this UID in this group may have been added, changed or removed. */
    CARD,
    /** The group's own attributes (name, description, owner) changed. */
    GROUP,
    /** (viewer row) the viewer joined the group. */
    JOINED,
    /** (viewer row) the viewer's membership ended: left, removed, or the group was deleted. */
    LEFT
}
