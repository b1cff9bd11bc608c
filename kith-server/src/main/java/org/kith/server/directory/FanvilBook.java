package org.kith.server.directory;

/**
 * Fanvil's remote phonebook, {@code <PhoneBook>}: one {@code DirectoryEntry} per person with
 * {@code Name}, {@code Telephone} (office), {@code Mobile} and {@code Other} (home or any other
 * number). Source: Fanvil's phonebook XML guide (see docs/DESKPHONES.md).
 */
final class FanvilBook implements PhonebookFormat {

    @Override
    public String render(PhonebookRequest r) {
        XmlDoc xml = new XmlDoc().open("PhoneBook").newline();
        for (Person p : r.directory().people()) {
            if (p.phones().isEmpty()) {
                continue;
            }
            Slots slots = Slots.of(p);
            xml.open("DirectoryEntry").newline().text("Name", p.name())
                    .text("Telephone", dial(r, slots.office()))
                    .text("Mobile", dial(r, slots.mobile()))
                    .text("Other", dial(r, slots.other()))
                    .close("DirectoryEntry");
        }
        return xml.close("PhoneBook").toString();
    }

    private static String dial(PhonebookRequest r, Person.Phone phone) {
        return phone == null ? null : r.dialing().dial(phone);
    }
}
