package org.kith.server.directory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.kith.core.Kith;
import org.kith.core.card.PhoneNumbers;
import org.kith.core.error.ErrorCode;
import org.kith.core.error.NotFound;
import org.kith.core.feed.VisibleCard;
import org.kith.core.model.Account;
import org.kith.core.view.GroupMembers;
import org.kith.core.view.MergedBook;

/**
 * Reads a viewer's directory from the merged book, so every directory (XML phonebooks, LDAP)
 * shows exactly what the viewer's other devices show; privacy is decided by the core services,
 * never here. Thread-safe.
 */
public final class Directories {
    private final Kith kith;
    private final People people = new People();
    /** The last directory read for each recent viewer, least recently used first. */
    private final Map<Long, Known> recent = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Known> eldest) {
            return size() > 256;
        }
    };

    public Directories(Kith kith) {
        this.kith = kith;
    }

    public Kith kith() {
        return kith;
    }

    /**
     * The viewer's groups, or only {@code groupId}.
     * @throws NotFound when the viewer is not a member of {@code groupId} (existence is not told)
     */
    public Directory read(long viewer, Long groupId) {
        Account account = kith.accounts().account(viewer);
        List<Directory.Section> all = sections(viewer);
        List<Directory.Section> sections = new ArrayList<>();
        for (Directory.Section s : all) {
            if (groupId == null || s.groupId() == groupId) {
                sections.add(s);
            }
        }
        if (groupId != null && sections.isEmpty()) {
            throw new NotFound(ErrorCode.GROUP_NOT_FOUND, "no such group");
        }
        return new Directory(account.username(), account.region(), sections);
    }

    /**
     * Every group of the viewer with its people, as the merged book has them now. Remembered
     * under the merged book's sync token, which moves whenever anything this viewer may see
     * changes (cards, members, blocks, groups): a phone that fetches again, or an LDAP client
     * that searches again, costs one token read until then.
     */
    private List<Directory.Section> sections(long viewer) {
        String token = kith.mergedBooks().token(viewer);
        Known known;
        synchronized (recent) {
            known = recent.get(viewer);
        }
        if (known != null && known.token().equals(token)) {
            return known.sections();
        }
        MergedBook book = kith.mergedBooks().book(viewer);
        Map<String, VisibleCard> cards = new HashMap<>();
        for (VisibleCard c : book.cards()) {
            cards.put(c.uid(), c);
        }
        List<Directory.Section> sections = new ArrayList<>();
        for (GroupMembers g : book.groups()) {
            List<Person> members = new ArrayList<>(g.memberUids().size());
            for (String uid : g.memberUids()) {
                VisibleCard card = cards.get(uid);
                if (card != null) {
                    members.add(people.of(card));
                }
            }
            sections.add(new Directory.Section(g.groupId(), g.name(), List.copyOf(members)));
        }
        List<Directory.Section> result = List.copyOf(sections);
        synchronized (recent) {
            recent.put(viewer, new Known(book.syncToken(), result));
        }
        return result;
    }

    private record Known(String token, List<Directory.Section> sections) {}

    /**
     * Caller-ID: the people among everything the viewer may see who hold {@code number}, typed in
     * any form ({@code +8613800138000}, {@code 13800138000}, {@code 138 0013 8000}); the national
     * forms are read in the viewer's region. Uses the phone index, not a scan.
     */
    public List<Listed> withNumber(long viewer, String number) {
        Account account = kith.accounts().account(viewer);
        Optional<String> e164 = PhoneNumbers.toE164(number, account.region());
        if (e164.isEmpty()) {
            return List.of();
        }
        return kith.mergedBooks().withNumber(viewer, e164.get()).stream()
                .map(c -> new Listed(c.groupId(), people.of(c))).toList();
    }

    /** A person and the first of the viewer's groups that lists them. */
    public record Listed(long groupId, Person person) {}

    /** The region a number typed without a country code is read in, for this viewer. */
    public String region(long viewer) {
        return kith.accounts().account(viewer).region();
    }
}
