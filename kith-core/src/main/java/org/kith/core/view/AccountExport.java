package org.kith.core.view;

import java.time.Instant;
import java.util.List;

import org.kith.core.model.Account;
import org.kith.core.model.Role;

/** What a person takes with them: their account, own card, personal books, memberships and blocks. */
public record AccountExport(Account account, String cardVcard, List<Book> books, List<Membership> memberships,
                            List<BlockView> blocks) {

    /** A personal book with the vCards it holds, as stored. */
    public record Book(String slug, String displayName, String description, List<String> vcards) {}

    public record Membership(long groupId, String groupName, Role role, Instant joinedAt) {}
}
