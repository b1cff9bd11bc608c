package org.kith.e2e.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.kith.server.support.Http;

/**
 * The web UI in a real headless Chromium against a real server process: two people on two
 * browsers (a desktop in English, a 375-px phone in Chinese) go through an invitation link,
 * sign-up, the card form with a photo, joining, live updates, blocking, the phonebook download
 * and the Apple profile.
 */
class WebUiBrowserTest extends BrowserTest {
    @Test
    void twoPeopleJoinThroughALinkSeeEachOtherLiveAndOneHidesTheirCard() throws Exception {
        try (BrowserContext aliceBrowser = chromium.desktop("en-US"); BrowserContext bobBrowser = chromium.phone("zh-CN")) {
            // Alice signs up on her desktop, fills in her number (checked as she types) and creates a group.
            Page alice = aliceBrowser.newPage();
            alice.navigate(base + "/");
            expect(alice.locator("h1")).hasText("Sign in");
            link(alice, "Create an account").click();
            alice.locator("#username").fill("alice");
            alice.locator("#displayName").fill("Alice Wang");
            alice.locator("#password").fill("correct horse 1");
            button(alice, "Create account").click();
            expect(alice.locator("h1")).hasText("My card");
            alice.locator("#tel-value-0").fill("138 0013 8000");
            expect(alice.locator("#tel-check-0")).hasText("OK: +8613800138000");
            button(alice, "Save my card").click();
            expect(alice.locator(".notice")).containsText("Your card is saved");

            link(alice, "Groups").click();
            alice.locator("#group-name").fill("大学同学");
            alice.locator("#group-description").fill("Class of 2010");
            alice.locator("#group-limit").fill("50");
            button(alice, "Create group").click();
            expect(alice.locator("h1")).hasText("大学同学");
            alice.locator("#link-uses").fill("5");
            button(alice, "Create link").click();
            Locator invitation = alice.locator("ul.invitations > li").first();
            expect(invitation.locator("svg.qr")).isVisible();
            String joinLink = invitation.locator("input.invite-url").inputValue();
            assertThat(joinLink).startsWith(base + "/join/");
            expect(alice.locator("#live")).hasAttribute("data-stream", "open");
            Chromium.screenshot(alice, "01-alice-group-with-invitation-link");

            // Bob opens the link on his phone, signed out: it names the group and leads through sign-up.
            Page bob = bobBrowser.newPage();
            bob.navigate(joinLink);
            expect(bob.locator("h1")).hasText("加入「大学同学」？");
            expect(bob.locator("main")).containsText("alice 邀请您加入群组「大学同学」。");
            noSidewaysScroll(bob, "join page, signed out");
            Chromium.screenshot(bob, "02-bob-phone-join-signed-out");
            link(bob, "注册账号").click();
            bob.locator("#username").fill("bob");
            bob.locator("#displayName").fill("Bob Li");
            bob.locator("#password").fill("another pass 2");
            button(bob, "注册").click();
            expect(bob.locator("h1")).hasText("我的名片");
            expect(bob.locator(".welcome")).isVisible();

            // A photo: a large picture is shrunk to 512 px on the server.
            Path picture = dir.resolve("bob-camera.png");
            writePicture(picture, 1600, 1200);
            bob.locator("#photo").setInputFiles(picture);
            button(bob, "上传照片").click();
            Locator photo = bob.locator("img.avatar.big");
            expect(photo).isVisible();
            Object size = photo.evaluate("img => img.complete ? [img.naturalWidth, img.naturalHeight] : null");
            assertThat(size).isEqualTo(List.of(512, 384));

            // A bad number is refused next to the field, in Chinese, and nothing typed is lost.
            bob.locator("#tel-value-0").fill("12345");
            bob.locator("#org").fill("北京大学");
            button(bob, "保存并继续").click();
            expect(bob.locator("#tel-value-0-error")).hasText("“12345”不是有效的电话号码（按 CN 地区解读；其他国家请使用 +国家代码 格式）。");
            expect(bob.locator("#tel-value-0")).hasAttribute("aria-invalid", "true");
            expect(bob.locator("#org")).hasValue("北京大学");
            expect(bob.locator("#tel-value-0")).hasValue("12345");
            noSidewaysScroll(bob, "card form with an error");
            Chromium.screenshot(bob, "03-bob-phone-card-error-zh");
            bob.locator("#tel-value-0").fill("139 1234 5678");
            button(bob, "保存并继续").click();

            // Back at the invitation, now signed in: "join 大学同学? Accept / Decline", then the group.
            expect(bob.locator("h1")).hasText("加入「大学同学」？");
            expect(button(bob, "拒绝")).isVisible();
            noSidewaysScroll(bob, "join page, signed in");
            button(bob, "接受").click();
            expect(bob.locator("h1")).hasText("大学同学");
            expect(bob.locator("#cards")).containsText("Alice Wang");
            expect(bob.locator("#cards")).containsText("+86 138 0013 8000".equals("") ? "" : "138 0013 8000");
            noSidewaysScroll(bob, "group page");
            Chromium.screenshot(bob, "04-bob-phone-group-zh");

            // Alice's open page shows Bob arrive without a reload, with a notice saying so.
            Locator bobsCard = alice.locator("#cards li.card").filter(new Locator.FilterOptions().setHasText("Bob Li"));
            expect(bobsCard).isVisible();
            expect(bobsCard).containsText("北京大学");
            expect(bobsCard.locator("img.avatar")).isVisible();
            expect(alice.locator("#live-notice")).hasText("Bob Li joined");
            expect(alice.locator("#members")).containsText("@bob");
            Chromium.screenshot(alice, "05-alice-sees-bob-live");

            // Bob changes his card; Alice's page follows.
            link(bob, "我的名片").click();
            bob.locator("#org").fill("清华大学");
            button(bob, "保存名片").click();
            expect(bob.locator(".notice")).containsText("名片已保存");
            expect(bobsCard).containsText("清华大学");
            expect(alice.locator("#live-notice")).hasText("Bob Li updated their card");

            // Bob hides his card from Alice: her page loses it at once; as owner she still sees his name.
            bob.navigate(base + "/web/groups");
            link(bob, "大学同学").click();
            button(bob, "对 Alice Wang 隐藏我的名片").click();
            expect(bob.locator(".notice")).containsText("此人已看不到您的名片");
            expect(bobsCard).hasCount(0);
            expect(alice.locator("#live-notice")).hasText("A card was removed");
            expect(alice.locator("#cards")).not().containsText("Bob Li");
            expect(alice.locator("#members")).containsText("@bob");
            Chromium.screenshot(alice, "06-alice-after-bob-hides-his-card");
            link(bob, "隐私").click();
            expect(bob.locator("ul.blocks")).containsText("Alice Wang");

            // Alice's phonebook download holds her card, and not Bob's any more.
            Download vcf = alice.waitForDownload(() -> link(alice, "Download phonebook (.vcf)").click());
            String vcards = Files.readString(vcf.path(), StandardCharsets.UTF_8);
            assertThat(vcards).startsWith("BEGIN:VCARD").contains("VERSION:3.0", "FN:Alice Wang").doesNotContain("Bob Li");
            assertThat(vcf.suggestedFilename()).endsWith(".vcf");

            // Bob sets up his iPhone: the profile is a valid Apple configuration profile whose
            // app password really opens his account.
            link(bob, "设备").click();
            expect(bob.locator("#server-url")).hasText(base);
            noSidewaysScroll(bob, "devices page");
            Chromium.screenshot(bob, "07-bob-phone-devices-zh");
            bob.locator("#apple-device").fill("Bob's iPhone");
            Download profile = bob.waitForDownload(() -> button(bob, "下载描述文件（.mobileconfig）").click());
            assertThat(profile.suggestedFilename()).isEqualTo("kith-bob.mobileconfig");
            Map<String, Object> plist = Plist.parse(Files.readAllBytes(profile.path()));
            assertThat(plist).containsEntry("PayloadType", "Configuration").containsEntry("PayloadVersion", 1L);
            assertThat((String) plist.get("PayloadUUID")).matches("[0-9A-F-]{36}");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> payloads = (List<Map<String, Object>>) plist.get("PayloadContent");
            assertThat(payloads).hasSize(1);
            Map<String, Object> carddav = payloads.get(0);
            java.net.URI uri = java.net.URI.create(base);
            assertThat(carddav).containsEntry("PayloadType", "com.apple.carddav.account")
                    .containsEntry("CardDAVHostName", uri.getHost())
                    .containsEntry("CardDAVPort", (long) uri.getPort())
                    .containsEntry("CardDAVUseSSL", false)
                    .containsEntry("CardDAVUsername", "bob")
                    .containsEntry("CardDAVPrincipalURL", "/dav/principals/bob/");
            assertThat((String) carddav.get("PayloadIdentifier")).startsWith((String) plist.get("PayloadIdentifier"));
            String appPassword = (String) carddav.get("CardDAVPassword");
            Http device = Http.basic(base, "bob", appPassword);
            assertThat(device.get("/api/v1/accounts/me").expect(200).json().get("username").asText()).isEqualTo("bob");
            // What the iPhone does next: ask the principal URL from the profile for its address books.
            String home = device.send("PROPFIND", (String) carddav.get("CardDAVPrincipalURL"), "application/xml",
                    "<?xml version=\"1.0\"?><d:propfind xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:carddav\">"
                            + "<d:prop><c:addressbook-home-set/></d:prop></d:propfind>", Map.of("Depth", "0"))
                    .expect(207).body();
            assertThat(home).contains("/dav/addressbooks/bob/");
            bob.reload();
            expect(bob.locator("ul.passwords")).containsText("Bob's iPhone");

            // Bob switches to English.
            link(bob, "English").click();
            expect(bob.locator("h1")).hasText("Devices");
            expect(bob.locator("html")).hasAttribute("lang", "en");
        }
    }

    @Test
    void aFormPostWithoutTheTokenIsRefusedAndChangesNothing() {
        try (BrowserContext carol = chromium.desktop("en-US")) {
            Page page = carol.newPage();
            signUp(page, "carol", "Carol Chen");
            // The browser's own cookies go along, as with a forged cross-site form; only the token is missing.
            var noToken = page.request().post(base + "/web/groups", com.microsoft.playwright.options.RequestOptions.create()
                    .setForm(com.microsoft.playwright.options.FormData.create().set("name", "Forged group")));
            assertThat(noToken.status()).isEqualTo(403);
            assertThat(noToken.text()).contains("security token");
            var wrongToken = page.request().post(base + "/web/groups", com.microsoft.playwright.options.RequestOptions.create()
                    .setForm(com.microsoft.playwright.options.FormData.create().set("name", "Forged group")
                            .set("csrf", "x".repeat(32))));
            assertThat(wrongToken.status()).isEqualTo(403);
            page.navigate(base + "/web/groups");
            expect(page.locator("main")).not().containsText("Forged group");
            expect(page.locator("main")).containsText("You are in no group yet");
            // The same form with the token from the page works.
            page.locator("#group-name").fill("Real group");
            button(page, "Create group").click();
            expect(page.locator("h1")).hasText("Real group");
        }
    }

    @Test
    void hostileCardFieldsShowAsText() {
        String hostile = "<script>window.pwned=1</script><img src=x onerror=\"window.pwned=2\">";
        try (BrowserContext eve = chromium.desktop("en-US"); BrowserContext dan = chromium.desktop("en-US")) {
            Page evePage = eve.newPage();
            signUp(evePage, "eve", "Eve");
            evePage.locator("#fn").fill(hostile);
            evePage.locator("#note").fill("\"><svg onload=\"window.pwned=3\">");
            button(evePage, "Save my card").click();
            expect(evePage.locator(".notice")).isVisible();
            evePage.navigate(base + "/web/groups");
            evePage.locator("#group-name").fill("<b>bold</b> & co");
            button(evePage, "Create group").click();
            evePage.locator("#invite-username").fill("dan");
            // dan does not exist yet: the error names the field and keeps what was typed
            button(evePage, "Send invitation").click();
            expect(evePage.locator(".error-summary")).containsText("There is no user named \"dan\".");
            expect(evePage.locator("#invite-username")).hasValue("dan");

            Page danPage = dan.newPage();
            signUp(danPage, "dan", "Dan");
            button(evePage, "Send invitation").click();
            expect(evePage.locator(".notice")).containsText("Invitation sent");
            danPage.navigate(base + "/web/invitations");
            button(danPage, "Accept").click();
            expect(danPage.locator("h1")).hasText("<b>bold</b> & co");
            Locator card = danPage.locator("#cards li.card").filter(new Locator.FilterOptions().setHasText("window.pwned=1"));
            expect(card.locator("h3")).containsText(hostile);
            expect(card.locator(".note")).hasText("\"><svg onload=\"window.pwned=3\">");
            assertThat(danPage.evaluate("() => window.pwned === undefined")).isEqualTo(true);
            assertThat(danPage.locator("#cards script, #cards img[src=x], #cards svg").count()).isZero();
            Chromium.screenshot(danPage, "08-hostile-card-as-text");
        }
    }

    /** Signs up through the form; lands on the new card. */
    private static void signUp(Page page, String username, String name) {
        page.navigate(base + "/web/signup");
        page.locator("#username").fill(username);
        page.locator("#displayName").fill(name);
        page.locator("#password").fill("password-123");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("Create account"))).click();
        expect(page.locator("h1")).hasText("My card");
    }

    private static void writePicture(Path file, int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(30, 90, 160), width, height, new Color(240, 180, 40)));
        g.fillRect(0, 0, width, height);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }
}
