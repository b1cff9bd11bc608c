package org.kith.server.directory;

/**
 * Yealink's menu form of the remote phonebook, {@code <YealinkIPPhoneBook>}: one {@code Menu}
 * per group, one {@code Unit} per person with {@code Phone1} (office), {@code Phone2} (mobile)
 * and {@code Phone3} (other) as attributes. A person in two groups is listed in both menus.
 * Source: Yealink's administrator guide, "Remote Phone Book" (see docs/DESKPHONES.md).
 */
final class YealinkMenu implements PhonebookFormat {

    @Override
    public String render(PhonebookRequest r) {
        XmlDoc xml = new XmlDoc().open("YealinkIPPhoneBook").newline();
        xml.text("Title", r.directory().title());
        for (Directory.Section s : r.directory().sections()) {
            xml.open("Menu", "Name", s.name()).newline();
            for (Person p : s.people()) {
                Slots slots = Slots.of(p);
                xml.empty("Unit", "Name", p.name(),
                        "Phone1", dial(r, slots.office()), "Phone2", dial(r, slots.mobile()),
                        "Phone3", dial(r, slots.other()), "default_photo", "Resource:");
            }
            xml.close("Menu");
        }
        return xml.close("YealinkIPPhoneBook").toString();
    }

    private static String dial(PhonebookRequest r, Person.Phone phone) {
        return phone == null ? "" : r.dialing().dial(phone);
    }
}
