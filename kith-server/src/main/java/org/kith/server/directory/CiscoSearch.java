package org.kith.server.directory;

/**
 * The search prompt of the Cisco directory: a {@code <CiscoIPPhoneInput>} whose one field is
 * sent back to {@code cisco.xml} as {@code ?q=}. Source: Cisco's Application Development Notes,
 * "CiscoIPPhoneInput" (see docs/DESKPHONES.md).
 */
final class CiscoSearch implements PhonebookFormat {

    @Override
    public String render(PhonebookRequest r) {
        String target = r.selfUrl().replace("/cisco-search.xml", "/cisco.xml")
                + (r.keptQuery().isEmpty() ? "" : "?" + r.keptQuery().substring(1));
        return new XmlDoc().open("CiscoIPPhoneInput").newline()
                .text("Title", r.directory().title())
                .text("Prompt", "Enter part of a name")
                .text("URL", target)
                .open("InputItem").newline()
                .text("DisplayName", "Name").text("QueryStringParam", "q").text("DefaultValue", "")
                .text("InputFlags", "A")
                .close("InputItem")
                .close("CiscoIPPhoneInput").toString();
    }
}
