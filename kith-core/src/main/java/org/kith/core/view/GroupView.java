package org.kith.core.view;

import org.kith.core.model.Group;
import org.kith.core.model.Role;

/** A group as one member sees it: with the owner's name, the member's role and the count they may see. */
public record GroupView(Group group, String ownerUsername, Role myRole, int memberCount) {}
