package org.kith.core.view;

import org.kith.core.model.Invitation;
import org.kith.core.model.InvitationStatus;

/** An invitation with the names a reader needs and its status as of now. */
public record InvitationView(Invitation invitation, String groupName, String inviterUsername, String inviteeUsername,
                             InvitationStatus status) {}
