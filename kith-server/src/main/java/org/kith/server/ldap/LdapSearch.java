package org.kith.server.ldap;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.SearchScope;
import org.kith.server.directory.Dialing;
import org.kith.server.directory.Directories;
import org.kith.server.directory.Directory;
import org.kith.server.directory.Person;

/**
 * One search in one viewer's tree (see {@link LdapNames}): finds the entries under the base in
 * the scope that match the filter, in a stable order (so paged searches can resume by offset).
 * A subtree that spans several groups lists each person once, under their first group. A pure
 * caller-ID filter is answered from the phone index instead of reading the whole directory.
 */
final class LdapSearch {
    /** Thrown when the base names nothing in the viewer's tree. */
    static final class NoSuchObject extends Exception {
        NoSuchObject() {
            super(null, null, false, false);
        }
    }

    /** Thrown when the search ran past its time limit. */
    static final class OutOfTime extends Exception {
        OutOfTime() {
            super(null, null, false, false);
        }
    }

    private final Directories directories;
    private final long viewer;
    private final String username;
    private final String region;
    private final Dialing dialing;

    LdapSearch(Directories directories, long viewer, String username, String region) {
        this.directories = directories;
        this.viewer = viewer;
        this.username = username;
        this.region = region;
        this.dialing = Dialing.from(region);
    }

    String baseDn() {
        return LdapNames.baseDn(username);
    }

    /**
     * The matching entries, at most {@code limit} + 1 of them past {@code skip} (so the caller
     * can tell that more exist).
     */
    List<Entry> find(DN base, SearchScope scope, Filter filter, int skip, int limit, long deadline)
            throws NoSuchObject, OutOfTime {
        DN mine = LdapNames.base(username);
        boolean spansBase = base.isAncestorOf(mine, true);
        if (!spansBase && !mine.isAncestorOf(base, false)) {
            throw new NoSuchObject();
        }
        Collector out = new Collector(filter, skip, limit, deadline);
        if (spansBase) {
            // o=kith, ou=phonebooks,o=kith and the viewer's base: the containers, then the people.
            List<DN> chain = List.of(LdapNames.SUFFIX, LdapNames.PHONEBOOKS, mine);
            int at = chain.indexOf(base);
            int offset = 0;
            if (at < 0) { // the empty DN, above o=kith
                at = 0;
                offset = 1;
            }
            for (int i = at; i < chain.size(); i++) {
                int depth = i - at + offset;
                if (inScope(scope, depth)) {
                    out.offer(i == 0 ? LdapEntries.organization(chain.get(i)) : LdapEntries.unit(chain.get(i), null));
                }
            }
            int groupDepth = chain.size() - at + offset;
            if (scope == SearchScope.BASE || scope == SearchScope.ONE && groupDepth > 1) {
                return out.entries;
            }
            String number = LdapFilters.callerIdNumber(filter);
            if (number != null && scope != SearchScope.ONE) {
                for (Directories.Listed hit : directories.withNumber(viewer, number)) {
                    out.offerPerson(LdapNames.person(LdapNames.group(mine, hit.groupId()), hit.person().uid()),
                            hit.person(), dialing);
                }
                return out.entries;
            }
            Directory d = directories.read(viewer, null);
            for (Directory.Section s : d.sections()) {
                if (inScope(scope, groupDepth)) {
                    out.offer(LdapEntries.unit(LdapNames.group(mine, s.groupId()), s.name()));
                }
            }
            if (inScope(scope, groupDepth + 1)) {
                Set<String> seen = new HashSet<>();
                for (Directory.Section s : d.sections()) {
                    DN group = LdapNames.group(mine, s.groupId());
                    for (Person p : s.people()) {
                        if (seen.add(p.uid()) && out.offerPerson(LdapNames.person(group, p.uid()), p, dialing)) {
                            return out.entries;
                        }
                    }
                }
            }
            return out.entries;
        }
        // Below the viewer's base: one group, or one person in it.
        List<String> rdns = new ArrayList<>();
        for (DN d = base; !d.equals(mine); d = d.getParent()) {
            rdns.add(0, d.getRDN().getAttributeValues()[0]);
        }
        Long groupId = groupId(rdns.get(0));
        Directory d;
        try {
            d = directories.read(viewer, groupId);
        } catch (org.kith.core.error.NotFound e) {
            throw new NoSuchObject();
        }
        Directory.Section section = d.sections().get(0);
        DN group = LdapNames.group(mine, section.groupId());
        if (rdns.size() == 1) {
            if (inScope(scope, 0)) {
                out.offer(LdapEntries.unit(group, section.name()));
            }
            if (inScope(scope, 1)) {
                for (Person p : section.people()) {
                    if (out.offerPerson(LdapNames.person(group, p.uid()), p, dialing)) {
                        break;
                    }
                }
            }
            return out.entries;
        }
        if (rdns.size() == 2 && base.getParent().equals(group)) {
            for (Person p : section.people()) {
                if (p.uid().equals(rdns.get(1))) {
                    if (scope != SearchScope.ONE) {
                        out.offerPerson(base, p, dialing);
                    }
                    return out.entries;
                }
            }
        }
        throw new NoSuchObject();
    }

    private static Long groupId(String value) throws NoSuchObject {
        if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch(Character::isDigit)) {
            throw new NoSuchObject();
        }
        return Long.parseLong(value);
    }

    /** Whether an entry {@code depth} levels below the base is in the scope. */
    private static boolean inScope(SearchScope scope, int depth) {
        if (scope == SearchScope.BASE) {
            return depth == 0;
        }
        if (scope == SearchScope.ONE) {
            return depth == 1;
        }
        if (scope == SearchScope.SUBORDINATE_SUBTREE) {
            return depth >= 1;
        }
        return true;
    }

    /** Gathers matches past the skip, up to the limit plus one. */
    private final class Collector {
        final List<Entry> entries = new ArrayList<>();
        private final Filter filter;
        private final int skip;
        private final int limit;
        private final long deadline;
        private int matched;
        private int tested;

        Collector(Filter filter, int skip, int limit, long deadline) {
            this.filter = filter;
            this.skip = skip;
            this.limit = limit;
            this.deadline = deadline;
        }

        void offer(Entry e) {
            if (LdapFilters.matches(filter, a -> LdapEntries.entryValues(e, a), region)) {
                take(() -> e);
            }
        }

        /** Tests a person against the filter; true once enough entries are gathered. */
        boolean offerPerson(DN dn, Person p, Dialing dialing) throws OutOfTime {
            if ((++tested & 255) == 0 && System.nanoTime() > deadline) {
                throw new OutOfTime();
            }
            if (LdapFilters.matches(filter, a -> LdapEntries.values(p, a, dialing), region)) {
                take(() -> LdapEntries.person(dn, p, dialing));
            }
            return entries.size() > limit;
        }

        private void take(java.util.function.Supplier<Entry> entry) {
            if (matched++ >= skip && entries.size() <= limit) {
                entries.add(entry.get());
            }
        }
    }
}
