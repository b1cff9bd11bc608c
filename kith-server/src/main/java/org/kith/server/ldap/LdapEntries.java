package org.kith.server.ldap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import org.kith.server.directory.Dialing;
import org.kith.server.directory.Person;

/**
 * A person as an {@code inetOrgPerson} entry: {@code cn}/{@code displayName} (the name as
 * typed), {@code sn}, {@code givenName}, {@code telephoneNumber} (office and other numbers),
 * {@code mobile}, {@code homePhone}, {@code facsimileTelephoneNumber}, {@code mail}, {@code o},
 * {@code title}, {@code jpegPhoto}, {@code uid}. Numbers are written as dialled from the viewer's
 * region. Attribute names are matched ignoring case, with the usual short forms.
 */
final class LdapEntries {
    private static final Set<String> PHONES = Set.of("telephonenumber", "mobile", "homephone",
            "facsimiletelephonenumber");
    static final List<String> PERSON_CLASSES = List.of("top", "person", "organizationalPerson", "inetOrgPerson");

    private LdapEntries() {}

    static boolean isPhone(String lowerName) {
        return PHONES.contains(lowerName);
    }

    /** The canonical lower-case name of an attribute, its short forms folded in. */
    static String canonical(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return switch (n) {
            case "commonname" -> "cn";
            case "surname" -> "sn";
            case "gn" -> "givenname";
            case "email", "rfc822mailbox" -> "mail";
            case "organizationname" -> "o";
            case "telephone", "phone" -> "telephonenumber";
            case "mobiletelephonenumber" -> "mobile";
            case "homenumber", "hometelephonenumber" -> "homephone";
            case "fax" -> "facsimiletelephonenumber";
            case "userid" -> "uid";
            default -> n;
        };
    }

    /** The text values of one attribute of a person (jpegPhoto is binary and never compared). */
    static List<String> values(Person p, String attribute, Dialing dialing) {
        return switch (canonical(attribute)) {
            case "objectclass" -> PERSON_CLASSES;
            case "cn", "displayname" -> List.of(p.name());
            case "sn" -> List.of(p.surname());
            case "givenname" -> p.given().isEmpty() ? List.of() : List.of(p.given());
            case "mail" -> p.emails();
            case "o" -> p.org().isEmpty() ? List.of() : List.of(p.org());
            case "title" -> p.title().isEmpty() ? List.of() : List.of(p.title());
            case "uid" -> List.of(p.uid());
            case "telephonenumber" -> numbers(p, dialing, Person.Kind.WORK, Person.Kind.OTHER);
            case "mobile" -> numbers(p, dialing, Person.Kind.MOBILE);
            case "homephone" -> numbers(p, dialing, Person.Kind.HOME);
            case "facsimiletelephonenumber" -> numbers(p, dialing, Person.Kind.FAX);
            default -> List.of();
        };
    }

    private static List<String> numbers(Person p, Dialing dialing, Person.Kind... kinds) {
        List<String> out = new ArrayList<>(2);
        for (Person.Phone phone : p.phones()) {
            for (Person.Kind k : kinds) {
                if (phone.kind() == k) {
                    out.add(dialing.dial(phone));
                }
            }
        }
        return out;
    }

    private static final List<String> PERSON_ATTRIBUTES = List.of("objectClass", "uid", "cn", "displayName", "sn",
            "givenName", "telephoneNumber", "mobile", "homePhone", "facsimileTelephoneNumber", "mail", "o", "title");

    static Entry person(DN dn, Person p, Dialing dialing) {
        Entry e = new Entry(dn);
        for (String name : PERSON_ATTRIBUTES) {
            List<String> v = values(p, name, dialing);
            if (!v.isEmpty()) {
                e.addAttribute(new Attribute(name, v));
            }
        }
        if (p.jpeg() != null) {
            e.addAttribute(new Attribute("jpegPhoto", p.jpeg()));
        }
        return e;
    }

    /** An organizational unit: a viewer's base, a group (named in {@code description}), or a fixed container. */
    static Entry unit(DN dn, String description) {
        Entry e = new Entry(dn);
        e.addAttribute("objectClass", "top", "organizationalUnit");
        e.addAttribute("ou", dn.getRDN().getAttributeValues()[0]);
        if (description != null) {
            e.addAttribute("description", description);
        }
        return e;
    }

    static Entry organization(DN dn) {
        Entry e = new Entry(dn);
        e.addAttribute("objectClass", "top", "organization");
        e.addAttribute("o", "kith");
        return e;
    }

    /** The entry's text values for the filter; names folded as {@link #canonical} does. */
    static List<String> entryValues(Entry e, String attribute) {
        String wanted = canonical(attribute);
        List<String> out = new ArrayList<>();
        for (Attribute a : e.getAttributes()) {
            if (canonical(a.getName()).equals(wanted)) {
                for (String v : a.getValues()) {
                    out.add(v);
                }
            }
        }
        return out;
    }
}
