package org.kith.server.directory;

import java.util.function.Supplier;

/** The XML phonebooks served, each at its file name under {@code /directory/{token}/}. */
public enum Vendor {
    YEALINK("yealink", "yealink.xml", YealinkDirectory::new),
    YEALINK_MENU("yealinkMenu", "yealink-menu.xml", YealinkMenu::new),
    GRANDSTREAM("grandstream", "grandstream/phonebook.xml", GrandstreamBook::new),
    CISCO("cisco", "cisco.xml", CiscoDirectory::new),
    CISCO_SEARCH(null, "cisco-search.xml", CiscoSearch::new),
    SNOM("snom", "snom.xml", SnomBook::new),
    FANVIL("fanvil", "fanvil.xml", FanvilBook::new),
    GIGASET("gigaset", "gigaset.xml", GigasetList::new);

    private final String key;
    private final String file;
    private final Supplier<PhonebookFormat> format;

    Vendor(String key, String file, Supplier<PhonebookFormat> format) {
        this.key = key;
        this.file = file;
        this.format = format;
    }

    /** The name of this phonebook's URL in the REST answer ({@code urls.yealink}); null for helper pages. */
    public String key() {
        return key;
    }

    /** The path below {@code /directory/{token}/}. */
    public String file() {
        return file;
    }

    PhonebookFormat format() {
        return format.get();
    }
}
