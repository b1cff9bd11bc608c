package org.kith.server.directory;

import java.util.List;

/**
 * Snom's directory file, {@code <tbook complete="true">}: one {@code item} per number (Snom's
 * entries hold one number each) with {@code name}, {@code number}, {@code number_type}
 * (mobile, business, home, fixed), {@code first_name}, {@code last_name}, {@code organization},
 * {@code email}, {@code title} and the group; {@code index} is unique within the file and
 * {@code complete} lets the phone drop entries that left. Source: Snom's wiki, "Setting
 * Files/XML/Directory" (see docs/DESKPHONES.md).
 */
final class SnomBook implements PhonebookFormat {

    @Override
    public String render(PhonebookRequest r) {
        XmlDoc xml = new XmlDoc().open("tbook", "complete", "true", "e", "2").newline();
        var sectionsOf = r.directory().sectionsOf();
        int index = 0;
        for (Person p : r.directory().people()) {
            List<Directory.Section> groups = sectionsOf.getOrDefault(p.uid(), List.of());
            for (Person.Phone phone : p.phones()) {
                xml.open("item", "context", "active", "type", "none", "index", Integer.toString(index++)).newline()
                        .text("name", p.name())
                        .text("first_name", p.given().isEmpty() ? null : p.given())
                        .text("last_name", p.family().isEmpty() ? null : p.family())
                        .text("number", r.dialing().dial(phone))
                        .text("number_type", type(phone.kind()))
                        .text("organization", p.org().isEmpty() ? null : p.org())
                        .text("title", p.title().isEmpty() ? null : p.title())
                        .text("email", p.emails().isEmpty() ? null : p.emails().get(0))
                        .text("group", groups.isEmpty() ? null : groups.get(0).name())
                        .close("item");
            }
        }
        return xml.close("tbook").toString();
    }

    static String type(Person.Kind kind) {
        return switch (kind) {
            case MOBILE -> "mobile";
            case WORK -> "business";
            case HOME -> "home";
            case FAX, OTHER -> "fixed";
        };
    }
}
