package org.kith.server.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cisco's {@code <CiscoIPPhoneDirectory>}: at most 32 {@code DirectoryEntry} (Name, Telephone)
 * per answer, so larger directories come in pages: {@code ?page=N}, with Next/Previous soft keys
 * (and the {@code Refresh} header Cisco documents for the next page), a Search soft key leading
 * to {@link CiscoSearch}, and {@code ?q=} narrowing to names that contain the text. One entry
 * per number; a person with several numbers has the kind after the name. Source: Cisco Unified IP
 * Phone Services Application Development Notes, "CiscoIPPhoneDirectory" (see docs/DESKPHONES.md).
 */
final class CiscoDirectory implements PhonebookFormat {
    static final int PAGE = 32;

    /** The next page the last render linked to, or null on the last page (so: one instance per answer). */
    private String next;

    @Override
    public String render(PhonebookRequest r) {
        String q = r.param("q") == null ? "" : r.param("q").strip();
        List<String[]> entries = new ArrayList<>();
        for (Person p : r.directory().people()) {
            if (!q.isEmpty() && !p.name().toLowerCase(Locale.ROOT).contains(q.toLowerCase(Locale.ROOT))) {
                continue;
            }
            for (Person.Phone phone : p.phones()) {
                String name = p.phones().size() == 1 ? p.name()
                        : p.name() + " (" + YealinkDirectory.label(phone.kind()) + ")";
                entries.add(new String[] {name, r.dialing().dial(phone)});
            }
        }
        int pages = Math.max(1, (entries.size() + PAGE - 1) / PAGE);
        int page = page(r.param("page"), pages);
        String search = q.isEmpty() ? "" : "&q=" + PhonebookRequest.encode(q);
        XmlDoc xml = new XmlDoc().open("CiscoIPPhoneDirectory").newline();
        xml.text("Title", r.directory().title());
        xml.text("Prompt", "Page " + page + " of " + pages);
        for (String[] e : entries.subList((page - 1) * PAGE, Math.min(entries.size(), page * PAGE))) {
            xml.open("DirectoryEntry").newline().text("Name", e[0]).text("Telephone", e[1]).close("DirectoryEntry");
        }
        softKey(xml, "Dial", "SoftKey:Dial", 1);
        softKey(xml, "EditDial", "SoftKey:EditDial", 2);
        next = null;
        if (page < pages) {
            next = r.link("page=" + (page + 1) + search);
            softKey(xml, "Next", next, 3);
        }
        if (page > 1) {
            softKey(xml, "Previous", r.link("page=" + (page - 1) + search), 4);
        }
        softKey(xml, "Search", r.selfUrl().replace("/cisco.xml", "/cisco-search.xml")
                + (r.keptQuery().isEmpty() ? "" : "?" + r.keptQuery().substring(1)), 5);
        softKey(xml, "Exit", "SoftKey:Exit", 6);
        return xml.close("CiscoIPPhoneDirectory").toString();
    }

    /** The next page's URL after {@link #render}, for the {@code Refresh} header; null on the last page. */
    String nextPage() {
        return next;
    }

    private static void softKey(XmlDoc xml, String name, String url, int position) {
        xml.open("SoftKeyItem").newline().text("Name", name).text("URL", url).text("Position", Integer.toString(position))
                .close("SoftKeyItem");
    }

    private static int page(String param, int pages) {
        try {
            int n = param == null ? 1 : Integer.parseInt(param.strip());
            return Math.min(Math.max(n, 1), pages);
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
