package org.kith.server.ldap;

import java.util.Locale;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.RDN;

/**
 * The directory's names. Each viewer has their own tree, so a base DN can never reach another
 * person's view:
 * <pre>
 *   uid=alice,ou=people,o=kith                      alice's bind DN
 *   ou=alice,ou=phonebooks,o=kith                   alice's base DN (her whole view, each person once)
 *   ou=12,ou=alice,ou=phonebooks,o=kith             her group 12 (description: its name)
 *   uid=&lt;card UID&gt;,ou=12,ou=alice,ou=phonebooks,o=kith  a person of group 12
 * </pre>
 * Immutable helpers.
 */
public final class LdapNames {
    static final DN SUFFIX = dn("o=kith");
    static final DN PEOPLE = dn("ou=people,o=kith");
    static final DN PHONEBOOKS = dn("ou=phonebooks,o=kith");

    private LdapNames() {}

    public static String bindDn(String username) {
        return new DN(new RDN("uid", username.toLowerCase(Locale.ROOT)), PEOPLE).toString();
    }

    public static String baseDn(String username) {
        return base(username).toString();
    }

    static DN base(String username) {
        return new DN(new RDN("ou", username.toLowerCase(Locale.ROOT)), PHONEBOOKS);
    }

    static DN group(DN base, long groupId) {
        return new DN(new RDN("ou", Long.toString(groupId)), base);
    }

    static DN person(DN group, String uid) {
        return new DN(new RDN("uid", uid), group);
    }

    /**
     * The username a bind names: {@code uid=alice,ou=people,o=kith}, or any DN whose first
     * component is {@code uid=} or {@code cn=}, or a bare username as some phones send it.
     * Null when it names nobody.
     */
    static String username(String bindName) {
        if (bindName == null || bindName.isBlank()) {
            return null;
        }
        if (!bindName.contains("=")) {
            return bindName.strip();
        }
        try {
            RDN first = new DN(bindName).getRDN();
            if (first == null || first.getAttributeNames().length != 1) {
                return null;
            }
            String attr = first.getAttributeNames()[0].toLowerCase(Locale.ROOT);
            return attr.equals("uid") || attr.equals("cn") ? first.getAttributeValues()[0] : null;
        } catch (LDAPException e) {
            return null;
        }
    }

    static DN dn(String text) {
        try {
            return new DN(text);
        } catch (LDAPException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
