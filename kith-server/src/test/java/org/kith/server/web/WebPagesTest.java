package org.kith.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kith.server.support.Http;
import org.kith.server.support.EachDatabaseServerTest;
import org.kith.server.support.TestServer;

/** The web UI's rules over real HTTP: tokens, cookies, languages, redirects and the privacy of pages. */
class WebPagesTest extends EachDatabaseServerTest {
    private static Browser browser(String language) {
        return new Browser(server.baseUrl(), language);
    }

    @Test
    void everyPageHasAContentSecurityPolicyAndNoFraming() {
        HttpResponse<String> page = browser("en").get("/web/signin");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'none'", "script-src 'self'", "form-action 'self'", "frame-ancestors 'none'");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.body()).doesNotContain("<script>").doesNotContain(" onclick=").doesNotContain(" style=");
    }

    @Test
    void sessionCookieIsHttpOnlyAndLaxAndNotSecureOverPlainHttp() {
        Browser b = browser("en");
        HttpResponse<String> r = b.post("/web/signup", b.withToken("/web/signup", "username", "cookie1",
                "displayName", "Cookie", "password", "password-123"));
        String setCookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("kith_session="))
                .findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly", "SameSite=Lax", "Path=/").doesNotContain("Secure");
        assertThat(r.headers().firstValue("Location")).contains("/web/card?welcome=1");
    }

    @Test
    void cookiesAreSecureWhenThePublicUrlIsHttps() throws Exception {
        try (TestServer tls = TestServer.start(server.database(), dir.resolve("tls-" + server.database()),
                "--base-url", "https://kith.example.org")) {
            HttpResponse<String> r = new Browser(tls.baseUrl(), "en").get("/web/signin");
            assertThat(r.headers().allValues("Set-Cookie")).allMatch(c -> c.contains("; Secure"));
        }
    }

    @Test
    void aPostWithoutTheRightTokenIsRefusedAndChangesNothing() {
        Browser b = browser("en").signUp("forged", "Forged");
        Http api = server.as("forged");
        HttpResponse<String> none = b.post("/web/groups", Map.of("name", "No token"));
        assertThat(none.statusCode()).isEqualTo(403);
        assertThat(none.body()).contains("security token");
        Browser other = browser("en");
        HttpResponse<String> foreign = b.post("/web/groups", Map.of("name", "Foreign token",
                "csrf", other.token("/web/signin")));
        assertThat(foreign.statusCode()).isEqualTo(403);
        HttpResponse<String> crossSite = b.post("/web/groups", b.withToken("/web/groups", "name", "Cross site"),
                "Origin", "https://evil.example");
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(api.get("/api/v1/groups").expect(200).body()).isEqualTo("[]");
        HttpResponse<String> signOut = b.post("/web/signout", Map.of());
        assertThat(signOut.statusCode()).isEqualTo(403); // still signed in
        assertThat(b.get("/web/groups").statusCode()).isEqualTo(200);
        assertThat(b.post("/web/groups", b.withToken("/web/groups", "name", "With token")).statusCode()).isEqualTo(303);
        assertThat(api.get("/api/v1/groups").expect(200).body()).contains("With token");
    }

    @Test
    void languageFollowsAcceptLanguageAndTheVisitorsChoice() {
        Browser zh = browser("zh-CN,zh;q=0.9,en;q=0.5");
        HttpResponse<String> page = zh.get("/web/signin");
        assertThat(page.body()).contains("<html lang=\"zh-CN\">", "<h1>登录</h1>");
        HttpResponse<String> toEnglish = zh.get("/web/lang/en?back=%2Fweb%2Fsignup");
        assertThat(toEnglish.headers().firstValue("Location")).contains("/web/signup");
        assertThat(zh.get("/web/signin").body()).contains("<html lang=\"en\">", "<h1>Sign in</h1>");
        assertThat(browser("fr-FR, de;q=0.8").get("/web/signin").body()).contains("<h1>Sign in</h1>");
    }

    @Test
    void errorsAreShownInTheVisitorsLanguageAndKeepWhatWasTyped() {
        Browser zh = browser("zh-CN");
        HttpResponse<String> r = zh.post("/web/signup", zh.withToken("/web/signup", "username", "x!",
                "displayName", "张三", "password", "password-123"));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("用户名须为 3 到 32 个字母", "value=\"张三\"", "value=\"x!\"", "aria-invalid=\"true\"");
    }

    @Test
    void signInIsThrottledTogetherWithTheApi() {
        server.register("throttled");
        Browser b = browser("en");
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> wrong = b.post("/web/signin", b.withToken("/web/signin", "username", "throttled",
                    "password", "wrong-password"));
            assertThat(wrong.statusCode()).isEqualTo(422);
            assertThat(wrong.body()).contains("Wrong username or password.", "value=\"throttled\"");
        }
        HttpResponse<String> right = b.post("/web/signin", b.withToken("/web/signin", "username", "throttled",
                "password", TestServer.PASSWORD));
        assertThat(right.statusCode()).isEqualTo(429);
        assertThat(server.as("throttled").get("/api/v1/accounts/me").status()).isEqualTo(429);
    }

    @Test
    void redirectsNeverLeaveTheSite() {
        Browser b = browser("en");
        assertThat(b.get("/web/lang/en?back=https://evil.example/").headers().firstValue("Location")).contains("/web/");
        assertThat(b.get("/web/lang/en?back=//evil.example/web/").headers().firstValue("Location")).contains("/web/");
        HttpResponse<String> r = b.post("/web/signup", b.withToken("/web/signup", "username", "redirect1",
                "displayName", "R", "password", "password-123", "next", "https://evil.example/"));
        assertThat(r.headers().firstValue("Location")).contains("/web/card?welcome=1");
        assertThat(b.get("/web/groups").statusCode()).isEqualTo(200);
        assertThat(browser("en").get("/web/groups").headers().firstValue("Location"))
                .contains("/web/signin?next=%2Fweb%2Fgroups");
    }

    @Test
    void groupPagesPhotosAndPhonebooksFollowTheViewersRights() {
        Browser owner = browser("en").signUp("pageowner", "Page Owner");
        Browser member = browser("en").signUp("pagemember", "Page Member");
        Browser stranger = browser("en").signUp("pagestranger", "Stranger");
        Http ownerApi = server.as("pageowner");
        String gid = server.group("Photos", ownerApi, "pagemember");
        String photo = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
        ownerApi.put("/api/v1/me/card", Map.of("fn", "Page Owner", "photo", photo)).expect(200);
        String uid = null;
        for (var card : ownerApi.get("/api/v1/groups/" + gid + "/phonebook").expect(200).json().get("cards")) {
            if ("pageowner".equals(card.get("username").asText())) {
                uid = card.get("uid").asText();
            }
        }
        String photoPath = "/web/groups/" + gid + "/photo/" + uid;
        assertThat(member.get(photoPath).statusCode()).isEqualTo(200);
        assertThat(member.get(photoPath).headers().firstValue("Content-Type")).contains("image/png");
        assertThat(member.get("/web/groups/" + gid + "/phonebook.vcf").body()).contains("FN:Page Owner", "FN:Page Member");
        for (String path : new String[] {"/web/groups/" + gid, photoPath, "/web/groups/" + gid + "/phonebook.vcf",
                "/web/groups/" + gid + "/live"}) {
            assertThat(stranger.get(path).statusCode()).as(path).isEqualTo(404);
        }
        owner.post("/web/blocks", owner.withToken("/web/groups/" + gid, "username", "pagemember",
                "back", "/web/groups/" + gid));
        assertThat(member.get(photoPath).statusCode()).isEqualTo(404);
        assertThat(member.get("/web/groups/" + gid + "/phonebook.vcf").body()).doesNotContain("Page Owner");
        assertThat(member.get("/web/groups/" + gid + "/live").body()).doesNotContain("Page Owner");
        assertThat(owner.get("/web/blocks").body()).contains("Page Member");
    }

    @Test
    void invitationLinksThatCannotBeUsedSaySo() {
        assertThat(browser("en").get("/join/nonexistent-code").statusCode()).isEqualTo(404);
        Http owner = server.register("linkowner");
        String gid = owner.post("/api/v1/groups", Map.of("name", "Links")).expect(201).text("id");
        String inv = owner.post("/api/v1/groups/" + gid + "/invitations", Map.of("maxUses", 1)).expect(201).text("id");
        String code = owner.get("/api/v1/groups/" + gid + "/invitations").expect(200).json().get(0).get("code").asText();
        owner.delete("/api/v1/groups/" + gid + "/invitations/" + inv).expect(204);
        HttpResponse<String> revoked = browser("en").get("/join/" + code);
        assertThat(revoked.statusCode()).isEqualTo(410);
        assertThat(revoked.body()).contains("withdrawn");
    }

    @Test
    void ownersManageEntriesInvitationsMembersAndTheGroupFromItsPage() {
        Browser owner = browser("en").signUp("mgmtowner", "Mgmt Owner");
        Browser member = browser("en").signUp("mgmtmember", "Mgmt Member");
        HttpResponse<String> created = owner.post("/web/groups", owner.withToken("/web/groups", "name", "Club",
                "memberLimit", "5"));
        String page = created.headers().firstValue("Location").orElseThrow();
        String gid = page.substring(page.lastIndexOf('/') + 1);
        Http ownerApi = server.as("mgmtowner");

        // A bad number for a managed entry: the error is at the field, the typed values stay.
        HttpResponse<String> bad = owner.post(page + "/entries", owner.withToken(page, "fn", "Grandma",
                "tel", "not a number", "email", "grandma@example.org"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("id=\"new-entry-tel-error\"", "value=\"not a number\"",
                "value=\"grandma@example.org\"", "value=\"Grandma\"");
        assertThat(owner.post(page + "/entries", owner.withToken(page, "fn", "Grandma", "tel", "+86 138 0013 8000"))
                .statusCode()).isEqualTo(303);
        var entries = ownerApi.get("/api/v1/groups/" + gid + "/entries").expect(200).json();
        String entryId = entries.get(0).get("id").asText();
        assertThat(owner.post(page + "/entries/" + entryId, owner.withToken(page, "fn", "Grandma Li",
                "tel", "+86 138 0013 8001")).statusCode()).isEqualTo(303);
        assertThat(ownerApi.get("/api/v1/groups/" + gid + "/phonebook").expect(200).body())
                .contains("Grandma Li", "+86 138 0013 8001");
        assertThat(owner.post(page + "/links", owner.withToken(page, "entryId", entryId)).statusCode()).isEqualTo(303);
        assertThat(ownerApi.get("/api/v1/groups/" + gid + "/entries").expect(200).json().get(0).get("invitationId")
                .isNull()).isFalse();
        assertThat(owner.get(page).body()).contains("svg", "class=\"qr\"", "/join/");

        // Invite by username; the invitee accepts from the inbox.
        assertThat(owner.post(page + "/invite", owner.withToken(page, "username", "nobody-here")).body())
                .contains("There is no user named &quot;nobody-here&quot;.");
        assertThat(owner.post(page + "/invite", owner.withToken(page, "username", "mgmtmember")).statusCode())
                .isEqualTo(303);
        String inbox = member.get("/web/invitations").body();
        assertThat(inbox).contains("mgmtowner invites you to the group Club");
        String invId = inbox.replaceAll("(?s).*data-invitation=\"(\\d+)\".*", "$1");
        assertThat(member.post("/web/invitations/" + invId + "/accept", member.withToken("/web/invitations"))
                .headers().firstValue("Location")).contains(page + "?done=joined");

        // Hand the group over, then the former owner leaves; the new owner deletes it after confirming.
        assertThat(owner.post(page + "/members/mgmtmember/owner", owner.withToken(page)).statusCode()).isEqualTo(303);
        assertThat(owner.post(page + "/leave", owner.withToken(page)).statusCode()).isEqualTo(303);
        assertThat(owner.get(page).statusCode()).isEqualTo(404);
        assertThat(member.get(page + "/delete").body()).contains("Yes, delete Club");
        assertThat(member.post(page + "/delete", member.withToken(page)).headers().firstValue("Location"))
                .contains("/web/groups");
        assertThat(server.as("mgmtmember").get("/api/v1/groups").expect(200).body()).isEqualTo("[]");
    }
}
