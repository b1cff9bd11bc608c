package org.kith.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.kith.server.support.Http;
import org.kith.server.support.EachDatabaseServerTest;
import org.kith.server.support.TestServer;

/** What people do through the pages, each checked where it lands: the services' state and the next page. */
class WebFlowsTest extends EachDatabaseServerTest {
    private static Browser browser(String language) {
        return new Browser(server.baseUrl(), language);
    }

    private static String location(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        return r.headers().firstValue("Location").orElseThrow();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Creates a group through its form; returns the group page's path. */
    private static String createGroup(Browser owner, String name, String limit) {
        return location(owner.submit("/web/groups", "/web/groups", "name", name, "memberLimit", limit));
    }

    /** Creates an invitation link on the group page; returns its code. */
    private static String createLink(Browser owner, String page, String hours, String uses) {
        String next = location(owner.submit(page, page + "/links", "expiresInHours", hours, "maxUses", uses));
        Matcher m = Pattern.compile("/join/([A-Za-z0-9_-]+)").matcher(owner.get(next.replaceAll("#.*", "")).body());
        assertThat(m.find()).as("the page shows the new link").isTrue();
        return m.group(1);
    }

    @Test
    void aLinkOpenedSignedOutLeadsThroughSignInToAcceptOrDecline() {
        Browser owner = browser("en").signUp("joinowner", "Join Owner");
        String page = createGroup(owner, "Old Friends", "10");
        String code = createLink(owner, page, "24", "3");
        server.register("joinee");
        String join = "/join/" + code;

        Browser visitor = browser("en");
        String offer = visitor.get(join).body();
        assertThat(offer).contains("<h1>Join Old Friends?</h1>", "joinowner invites you to the group Old Friends.",
                "href=\"/web/signup?next=" + enc(join) + "\"", "href=\"/web/signin?next=" + enc(join) + "\"");
        // The sign-in page carries the link on, and signing in comes back to it.
        assertThat(visitor.get("/web/signin?next=" + enc(join)).body())
                .contains("name=\"next\" value=\"" + join + "\"");
        assertThat(location(visitor.post("/web/signin", visitor.withToken("/web/signin?next=" + enc(join),
                "username", "joinee", "password", TestServer.PASSWORD, "next", join)))).isEqualTo(join);
        String question = visitor.get(join).body();
        assertThat(question).contains("<h1>Join Old Friends?</h1>", "action=\"" + join + "/accept\"",
                "action=\"" + join + "/decline\"", ">Accept</button>", ">Decline</button>");

        // Declining joins nothing and leaves the link usable.
        assertThat(location(visitor.submit(join, join + "/decline"))).isEqualTo("/web/groups");
        assertThat(server.as("joinee").get("/api/v1/groups").expect(200).body()).isEqualTo("[]");
        assertThat(visitor.get(join).statusCode()).isEqualTo(200);

        // Accepting lands on the group, which now has the new member.
        String landed = location(visitor.submit(join, join + "/accept"));
        assertThat(landed).isEqualTo(page + "?done=joined");
        String group = visitor.get(landed).body();
        assertThat(group).contains("Welcome to the group!", "@joinee", "@joinowner");
        assertThat(visitor.get(join).body()).contains("You are already a member of this group.");
    }

    @Test
    void aLinkLeadsANewcomerThroughSignUpAndTheirCardBackToTheQuestion() {
        Browser owner = browser("zh-CN").signUp("newowner", "新群主");
        String page = createGroup(owner, "大学同学", "");
        String join = "/join/" + createLink(owner, page, "168", "");
        Browser newcomer = browser("zh-CN");
        String card = location(newcomer.post("/web/signup", newcomer.withToken("/web/signup?next=" + enc(join),
                "username", "newcomer", "displayName", "新人", "password", TestServer.PASSWORD, "next", join)));
        assertThat(card).isEqualTo("/web/card?welcome=1&next=" + enc(join));
        String form = newcomer.get(card).body();
        assertThat(form).contains("name=\"next\" value=\"" + join + "\"", "保存并继续", "href=\"" + join + "\"");
        assertThat(location(newcomer.submit(card, "/web/card", "fn", "新人", "tel.type", "cell",
                "tel.value", "139 1234 5678", "next", join))).isEqualTo(join);
        assertThat(newcomer.get(join).body()).contains("加入「大学同学」？", ">接受</button>", ">拒绝</button>");
    }

    @Test
    void theCardKeepsSeveralNumbersAndAddressesWithTheirTypesAndRefusesABadOneBesideIt() {
        Browser b = browser("en").signUp("cardful", "Card Full");
        String[] fields = {"fn", "Card Full", "tel.type", "cell", "tel.value", "138 0013 8000",
                "tel.type", "work", "tel.value", "+44 20 7946 0958", "tel.type", "home", "tel.value", "",
                "email.type", "home", "email.value", "me@example.org", "email.type", "work", "email.value", "me@work.example",
                "org", "Acme", "title", "Engineer",
                "adr.type", "work", "adr.street", "1 Main St", "adr.locality", "Springfield", "adr.region", "IL",
                "adr.postalCode", "62701", "adr.country", "USA", "note", "Call after six"};
        assertThat(location(b.submit("/web/card", "/web/card", fields))).isEqualTo("/web/card?saved=1");
        String stored = server.as("cardful").get("/api/v1/me/card").expect(200).body();
        assertThat(stored).contains("+8613800138000", "+442079460958", "me@example.org", "me@work.example", "Acme",
                "Engineer", "1 Main St", "Springfield", "62701", "Call after six");
        String page = b.get("/web/card?saved=1").body();
        assertThat(page).contains("Your card is saved", "id=\"tel-value-1\" name=\"tel.value\" type=\"tel\" value=\"+44 20 7946 0958\"",
                "id=\"email-value-1\" name=\"email.value\" type=\"email\" value=\"me@work.example\"",
                "value=\"Engineer\"", "value=\"Springfield\"", "Call after six</textarea>");
        // The second number's type is the one chosen for it.
        assertThat(page.replaceAll("(?s).*<select id=\"tel-type-1\"(.*?)</select>.*", "$1"))
                .contains("<option value=\"work\" selected>");

        // A bad second e-mail: the error sits beside that field; everything typed is still there.
        fields[21] = "not-an-address";
        HttpResponse<String> bad = b.submit("/web/card", "/web/card", fields);
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("id=\"email-value-1-error\" class=\"error\">&quot;not-an-address&quot; is not an e-mail address.",
                "value=\"not-an-address\"", "value=\"+44 20 7946 0958\"", "value=\"Engineer\"", "Call after six</textarea>");
        assertThat(server.as("cardful").get("/api/v1/me/card").expect(200).body()).contains("me@work.example");
    }

    @Test
    void phoneNumbersAreCheckedAsTypedInTheVisitorsLanguage() {
        Browser zh = browser("zh-CN").signUp("typist", "打字员");
        assertThat(zh.get("/web/card/check-phone?value=" + enc("138 0013 8000")).body())
                .contains("\"ok\":true", "有效：+8613800138000");
        assertThat(zh.get("/web/card/check-phone?value=12345").body())
                .contains("\"ok\":false", "不是有效的电话号码（按 CN 地区解读");
    }

    @Test
    void ownersRunTheirGroupFromItsPage() {
        Browser owner = browser("en").signUp("runner", "Runner");
        Browser member = browser("en").signUp("runmember", "Run Member");
        browser("en").signUp("runother", "Run Other");
        String page = createGroup(owner, "Runners", "3");
        String gid = page.substring(page.lastIndexOf('/') + 1);
        assertThat(owner.get(page).body()).contains("member limit 3");

        // Settings: a limit below the members is refused at its field, with the typed values kept.
        location(owner.submit(page, page + "/entries", "fn", "Coach", "tel", "+86 138 0013 8000"));
        location(owner.submit(page, page + "/invite", "username", "runmember"));
        location(member.submit("/web/invitations", "/web/invitations/" + inboxId(member) + "/accept"));
        HttpResponse<String> low = owner.submit(page, page + "/edit", "name", "Runners Club", "description", "Saturdays",
                "memberLimit", "2");
        assertThat(low.statusCode()).isEqualTo(422);
        assertThat(low.body()).contains("id=\"settings-limit-error\" class=\"error\">The member limit cannot be lower than the 3",
                "value=\"Runners Club\"", "Saturdays</textarea>", "value=\"2\"");
        assertThat(location(owner.submit(page, page + "/edit", "name", "Runners Club", "description", "Saturdays",
                "memberLimit", "4", "membersMayInvite", "yes"))).isEqualTo(page + "?done=saved");
        String edited = member.get(page).body();
        assertThat(edited).contains("<h1>Runners Club</h1>", "Saturdays", "member limit 4", "id=\"invite-username\"");
        // A member sees no owner's tools.
        assertThat(edited).doesNotContain("Managed entries", "Group settings", "/remove\"", "/owner\"");

        // Entries: delete.
        String entryId = server.as("runner").get("/api/v1/groups/" + gid + "/entries").expect(200).json().get(0)
                .get("id").asText();
        assertThat(location(owner.submit(page, page + "/entries/" + entryId + "/delete")))
                .isEqualTo(page + "?done=entryDeleted");
        assertThat(owner.get(page).body()).doesNotContain("Coach");

        // Pending invitations: revoke a link; the link then says it was withdrawn.
        String code = createLink(owner, page, "2", "1");
        String invId = owner.get(page).body().replaceAll("(?s).*data-invitation=\"(\\d+)\".*", "$1");
        assertThat(location(owner.submit(page, page + "/invitations/" + invId + "/revoke"))).isEqualTo(page + "?done=revoked");
        assertThat(owner.get(page).body()).doesNotContain(code);
        HttpResponse<String> revoked = browser("en").get("/join/" + code);
        assertThat(revoked.statusCode()).isEqualTo(410);
        assertThat(revoked.body()).contains("This invitation was withdrawn.");

        // Members: remove one; hand the group over with the settings form.
        // An entry typed in for someone, tied to an invitation by username: their own card takes its place.
        location(owner.submit(page, page + "/entries", "fn", "Other (typed by the owner)", "tel", "+86 139 1234 5678",
                "inviteUsername", "runother"));
        assertThat(owner.get(page).body()).contains("Other (typed by the owner)<span class=\"badge\">invited</span>");
        Browser other = browser("en");
        location(other.post("/web/signin", other.withToken("/web/signin", "username", "runother",
                "password", TestServer.PASSWORD)));
        location(other.submit("/web/invitations", "/web/invitations/" + inboxId(other) + "/accept"));
        assertThat(owner.get(page).body()).contains("<h3 class=\"fn\">Run Other").doesNotContain("typed by the owner");
        assertThat(location(owner.submit(page, page + "/members/runother/remove"))).isEqualTo(page + "?done=removed");
        // An action on a listed thing that the services refuse says why, above the page.
        HttpResponse<String> selfRemoval = owner.submit(page, page + "/members/runner/remove");
        assertThat(selfRemoval.statusCode()).isEqualTo(422);
        assertThat(selfRemoval.body()).contains("role=\"alert\"><ul><li>As the owner you cannot leave while others remain");
        assertThat(other.get(page).statusCode()).isEqualTo(404);
        assertThat(owner.get(page).body()).doesNotContain("@runother");
        assertThat(location(owner.submit(page, page + "/transfer", "username", "runmember")))
                .isEqualTo(page + "?done=transferred");
        assertThat(member.get(page).body()).contains("owner: runmember", "Group settings");
        assertThat(owner.get(page).body()).doesNotContain("Group settings");
    }

    @Test
    void invitationsCanBeDeclinedAndHiddenCardsShownAgain() {
        Browser owner = browser("en").signUp("inboxowner", "Inbox Owner");
        Browser invitee = browser("en").signUp("inboxee", "Inbox Ee");
        String page = createGroup(owner, "Inbox", "");
        location(owner.submit(page, page + "/invite", "username", "inboxee"));
        assertThat(invitee.get("/web/invitations").body()).contains("inboxowner invites you to the group Inbox.");
        assertThat(location(invitee.submit("/web/invitations", "/web/invitations/" + inboxId(invitee) + "/decline")))
                .isEqualTo("/web/invitations");
        assertThat(invitee.get("/web/invitations").body()).contains("No invitations waiting for you.");
        assertThat(invitee.get(page).statusCode()).isEqualTo(404);

        // Hide and show again, from the group page and from the privacy page.
        location(owner.submit(page, page + "/invite", "username", "inboxee"));
        location(invitee.submit("/web/invitations", "/web/invitations/" + inboxId(invitee) + "/accept"));
        assertThat(location(invitee.submit(page, "/web/blocks", "username", "inboxowner", "back", page)))
                .isEqualTo(page + "?done=blocked");
        assertThat(owner.get(page).body()).doesNotContain("<h3 class=\"fn\">Inbox Ee");
        assertThat(invitee.get(page).body()).contains("your card is hidden from them", "Show my card to Inbox Owner again");
        assertThat(location(invitee.submit(page, "/web/blocks/unblock", "username", "inboxowner", "back", page)))
                .isEqualTo(page + "?done=unblocked");
        assertThat(owner.get(page).body()).contains("<h3 class=\"fn\">Inbox Ee");
        location(invitee.submit(page, "/web/blocks", "username", "inboxowner", "back", page));
        assertThat(invitee.get("/web/blocks").body()).contains("Inbox Owner", "@inboxowner");
        assertThat(location(invitee.submit("/web/blocks", "/web/blocks/unblock", "username", "inboxowner",
                "back", "/web/blocks"))).isEqualTo("/web/blocks?done=unblocked");
        assertThat(invitee.get("/web/blocks?done=unblocked").body()).contains("You hide your card from no one.",
                "This person can see your card again.");
        HttpResponse<String> self = invitee.submit(page, "/web/blocks", "username", "inboxee", "back", page);
        assertThat(self.statusCode()).isEqualTo(400);
        assertThat(self.body()).contains("You cannot hide your card from yourself.");
    }

    @Test
    void appPasswordsAreCreatedShownOnceAndRevoked() {
        Browser b = browser("en").signUp("devicer", "Devicer");
        HttpResponse<String> empty = b.submit("/web/devices", "/web/devices", "name", " ");
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("id=\"device-name-error\" class=\"error\">Please name the device this password is for.");
        HttpResponse<String> created = b.submit("/web/devices", "/web/devices", "name", "Laptop");
        assertThat(created.statusCode()).isEqualTo(200);
        String secret = created.body().replaceAll("(?s).*<code id=\"new-app-password\">([^<]+)</code>.*", "$1");
        assertThat(secret).hasSizeGreaterThan(16).doesNotContain("<");
        Http device = Http.basic(server.baseUrl(), "devicer", secret);
        device.get("/api/v1/accounts/me").expect(200);
        String list = b.get("/web/devices").body();
        assertThat(list).contains("Laptop", "Revoke Laptop").doesNotContain(secret);
        String id = list.replaceAll("(?s).*data-app-password=\"(\\d+)\".*", "$1");
        assertThat(location(b.submit("/web/devices", "/web/devices/" + id + "/revoke"))).isEqualTo("/web/devices");
        device.get("/api/v1/accounts/me").expect(401);
        assertThat(b.get("/web/devices").body()).contains("No app passwords yet.");
    }

    @Test
    void devicesAreToldThePublicUrlWhenTheServerSitsBehindAProxy() throws Exception {
        try (TestServer proxied = TestServer.start(server.database(), dir.resolve("proxied-" + server.database()),
                "--base-url", "https://kith.example.org/")) {
            Browser b = new Browser(proxied.baseUrl(), "en", true).signUp("proxied", "Proxied");
            String devices = b.get("/web/devices").body();
            assertThat(devices).contains("<code id=\"server-url\">https://kith.example.org</code>",
                    "<code>https://kith.example.org/</code>", "<code>https://kith.example.org/dav/addressbooks/proxied/</code>",
                    "kith --server https://kith.example.org login proxied").doesNotContain("127.0.0.1");
            HttpResponse<String> profile = b.submit("/web/devices", "/web/devices/apple", "device", "iPad");
            assertThat(profile.headers().firstValue("Content-Type")).contains("application/x-apple-aspen-config");
            assertThat(profile.body()).contains("<key>CardDAVHostName</key><string>kith.example.org</string>",
                    "<key>CardDAVPort</key><integer>443</integer>", "<key>CardDAVUseSSL</key><true/>",
                    "<key>CardDAVPrincipalURL</key><string>/dav/principals/proxied/</string>");
            String page = createGroup(b, "Proxied", "");
            createLink(b, page, "1", "1");
            assertThat(b.get(page).body()).contains("value=\"https://kith.example.org/join/");
            // Browsers there name the public origin in their posts; that is this server.
            assertThat(b.post("/web/groups", b.withToken("/web/groups", "name", "Via proxy"),
                    "Origin", "https://kith.example.org").statusCode()).isEqualTo(303);
        }
    }

    @Test
    void failedLoginsThroughTheApiCountForTheWebSignIn() {
        server.register("apithrottled");
        Http wrong = Http.basic(server.baseUrl(), "apithrottled", "wrong-password");
        for (int i = 0; i < 10; i++) {
            wrong.get("/api/v1/accounts/me").expect(401);
        }
        Browser zh = browser("zh-CN");
        HttpResponse<String> r = zh.post("/web/signin", zh.withToken("/web/signin", "username", "apithrottled",
                "password", TestServer.PASSWORD));
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.body()).contains("登录失败次数过多，请", "value=\"apithrottled\"");
        assertThat(r.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("kith_session=") && !c.contains("Max-Age=0"));
    }

    private static String inboxId(Browser b) {
        String inbox = b.get("/web/invitations").body();
        Matcher m = Pattern.compile("data-invitation=\"(\\d+)\"").matcher(inbox);
        assertThat(m.find()).as("an invitation in the inbox").isTrue();
        return m.group(1);
    }
}
