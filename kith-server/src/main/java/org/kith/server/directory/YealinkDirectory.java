package org.kith.server.directory;

/**
 * Yealink's remote phonebook, {@code <YealinkIPPhoneDirectory>}: one {@code DirectoryEntry} per
 * person with a {@code Name} and up to three {@code Telephone} numbers (the phone shows the
 * first as the default), each labelled with its kind. Source: Yealink's administrator guide,
 * "Remote Phone Book" (see docs/DESKPHONES.md).
 */
final class YealinkDirectory implements PhonebookFormat {
    static final int MAX_NUMBERS = 3;

    @Override
    public String render(PhonebookRequest r) {
        XmlDoc xml = new XmlDoc().open("YealinkIPPhoneDirectory").newline();
        xml.text("Title", r.directory().title());
        for (Person p : r.directory().people()) {
            if (p.phones().isEmpty()) {
                continue;
            }
            xml.open("DirectoryEntry").newline().text("Name", p.name());
            int n = 0;
            for (Person.Phone phone : p.phones()) {
                if (n++ == MAX_NUMBERS) {
                    break;
                }
                xml.text("Telephone", r.dialing().dial(phone), "label", label(phone.kind()));
            }
            xml.close("DirectoryEntry");
        }
        return xml.close("YealinkIPPhoneDirectory").toString();
    }

    static String label(Person.Kind kind) {
        return switch (kind) {
            case MOBILE -> "Mobile";
            case WORK -> "Office";
            case HOME -> "Home";
            case FAX -> "Fax";
            case OTHER -> "Other";
        };
    }
}
