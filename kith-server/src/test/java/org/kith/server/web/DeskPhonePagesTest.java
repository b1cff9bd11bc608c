package org.kith.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.kith.server.support.Http;
import org.kith.server.support.ServerTest;

/** The devices page's "Desk phone" and "LDAP" sections, driven like a person with a browser. */
class DeskPhonePagesTest extends ServerTest {

    @Test
    void aDeskPhoneTokenIsCreatedForAVendorShownOnceWithItsSettingsAndRevoked() {
        Browser b = new Browser(server.baseUrl(), "en").signUp("deskowner", "Desk Owner");
        String page = b.get("/web/devices").body();
        assertThat(page).contains("Desk phone", "No desk-phone tokens yet.", "LDAP (phones, Thunderbird, Outlook)",
                "The LDAP directory is off on this server", server.baseUrl() + "/directory/me/yealink.xml");

        HttpResponse<String> empty = b.submit("/web/devices", "/web/devices/desk-phone", "name", " ",
                "vendor", "grandstream", "group", "");
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("id=\"desk-name-error\"");

        HttpResponse<String> created = b.submit("/web/devices", "/web/devices/desk-phone", "name", "Lobby GXP",
                "vendor", "grandstream", "group", "");
        assertThat(created.statusCode()).isEqualTo(200);
        String url = created.body().replaceAll("(?s).*<code id=\"desk-url\">([^<]+)</code>.*", "$1");
        assertThat(url).startsWith(server.baseUrl() + "/directory/").endsWith("/grandstream/phonebook.xml");
        assertThat(created.body()).contains("Phonebook Management");
        Http.Reply book = Http.anonymous(url).get("");
        assertThat(book.status()).isEqualTo(200);
        assertThat(book.body()).contains("<AddressBook>");

        String list = b.get("/web/devices").body();
        String token = url.replaceAll(".*/directory/([^/]+)/.*", "$1");
        assertThat(list).contains("Lobby GXP", "Revoke Lobby GXP").doesNotContain(token);
        String id = list.replaceAll("(?s).*data-directory-token=\"(\\d+)\".*", "$1");
        b.submit("/web/devices", "/web/devices/desk-phone/" + id + "/revoke");
        assertThat(Http.anonymous(url).get("").status()).isEqualTo(404);
        assertThat(b.get("/web/devices").body()).contains("No desk-phone tokens yet.");
    }

    @Test
    void chineseTextsAreShown() {
        Browser b = new Browser(server.baseUrl(), "zh").signUp("deskzh", "桌面");
        assertThat(b.get("/web/devices").body()).contains("桌面电话", "亿联（Yealink）");
    }
}
