package org.kith.server.directory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one viewer may see, as directories show it: their groups (all of them, or the one a URL
 * names), each with its visible people, and every person once across them. Immutable.
 *
 * @param owner the viewer's username
 * @param region the viewer's region (the default for dialling)
 */
public record Directory(String owner, String region, List<Section> sections) {

    /** One group and the people of it the viewer may see, in the group's order. */
    public record Section(long groupId, String name, List<Person> people) {}

    /** Every person once, in the order of their first group. */
    public List<Person> people() {
        Map<String, Person> all = new LinkedHashMap<>();
        for (Section s : sections) {
            for (Person p : s.people()) {
                all.putIfAbsent(p.uid(), p);
            }
        }
        return new ArrayList<>(all.values());
    }

    /** The sections each person is listed in, by UID. */
    public Map<String, List<Section>> sectionsOf() {
        Map<String, List<Section>> of = new LinkedHashMap<>();
        for (Section s : sections) {
            for (Person p : s.people()) {
                of.computeIfAbsent(p.uid(), k -> new ArrayList<>()).add(s);
            }
        }
        return of;
    }

    /** A title for the phone's screen: the group's name when there is one group. */
    public String title() {
        return sections.size() == 1 ? sections.get(0).name() : "Kith";
    }
}
