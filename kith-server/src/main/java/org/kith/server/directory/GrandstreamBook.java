package org.kith.server.directory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Grandstream's downloadable phonebook, {@code phonebook.xml}: {@code <AddressBook>} with one
 * {@code pbgroup} per group and one {@code Contact} per person ({@code FirstName},
 * {@code LastName}, a {@code Phone type="Work|Home|Mobile|Fax|Other"} with {@code phonenumber} and
 * {@code accountindex}, {@code Mail}, and a {@code Group} per group). Group ids are numbered
 * from 1 in this answer. The phone appends "phonebook.xml" to the path it is given. Source:
 * Grandstream's "XML Based Downloadable Phonebook Guide" (see docs/DESKPHONES.md).
 */
final class GrandstreamBook implements PhonebookFormat {

    @Override
    public String render(PhonebookRequest r) {
        String account = accountIndex(r.param("account"));
        XmlDoc xml = new XmlDoc().open("AddressBook").newline();
        xml.text("version", "1");
        Map<Long, String> ids = new HashMap<>();
        int next = 1;
        for (Directory.Section s : r.directory().sections()) {
            String id = Integer.toString(next++);
            ids.put(s.groupId(), id);
            xml.open("pbgroup").newline().text("id", id).text("name", s.name()).close("pbgroup");
        }
        Map<String, List<Directory.Section>> sectionsOf = r.directory().sectionsOf();
        for (Person p : r.directory().people()) {
            xml.open("Contact").newline();
            if (p.given().isEmpty() && p.family().isEmpty()) {
                xml.text("FirstName", p.name());
            } else {
                xml.text("FirstName", p.given()).text("LastName", p.family());
            }
            for (Person.Phone phone : p.phones()) {
                xml.open("Phone", "type", type(phone.kind())).newline()
                        .text("phonenumber", r.dialing().dial(phone)).text("accountindex", account).close("Phone");
            }
            for (String mail : p.emails()) {
                xml.text("Mail", mail, "type", "Work");
            }
            if (!p.org().isEmpty()) {
                xml.text("Company", p.org());
            }
            if (!p.title().isEmpty()) {
                xml.text("JobTitle", p.title());
            }
            for (Directory.Section s : sectionsOf.getOrDefault(p.uid(), List.of())) {
                xml.text("Group", ids.get(s.groupId()));
            }
            xml.close("Contact");
        }
        return xml.close("AddressBook").toString();
    }

    /** The SIP account the phone dials with: {@code ?account=} 0-5 (the phone's first account is 0). */
    private static String accountIndex(String param) {
        if (param != null && param.length() == 1 && param.charAt(0) >= '0' && param.charAt(0) <= '5') {
            return param;
        }
        return "0";
    }

    static String type(Person.Kind kind) {
        return switch (kind) {
            case MOBILE -> "Mobile";
            case WORK -> "Work";
            case HOME -> "Home";
            case FAX -> "Fax";
            case OTHER -> "Other";
        };
    }
}
