package org.kith.e2e.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.kith.server.support.Http;

/**
 * Every page in a real Chromium: on a 375-px phone in Chinese (no sideways scroll, a label for
 * every field, a token in every form), and with the keyboard alone on a desktop (every control
 * reached by Tab with a visible focus ring, used with Enter), including the invitation link's
 * sign-in and decline paths.
 */
class WebUiPagesBrowserTest extends BrowserTest {
    private static final String PASSWORD = "password-123";

    /** A person who already has an account, with a group "读书会" and an invitation link to it. */
    private static String groupWithLink(String owner) {
        Http.anonymous(base).post("/api/v1/accounts", Map.of("username", owner, "password", PASSWORD,
                "displayName", owner + " 老师")).expect(201);
        Http api = Http.basic(base, owner, PASSWORD);
        String gid = api.post("/api/v1/groups", Map.of("name", "读书会")).expect(201).json().get("id").asText();
        return api.post("/api/v1/groups/" + gid + "/invitations", Map.of("maxUses", 5)).expect(201).json()
                .get("url").asText();
    }

    /** What a careful reviewer checks on each page of a phone in Chinese; saves a screenshot. */
    private static void checkPhonePage(Page page, String name) {
        expect(page.locator("html")).hasAttribute("lang", "zh-CN");
        noSidewaysScroll(page, name);
        Object unlabelled = page.evaluate("() => Array.from(document.querySelectorAll('input, select, textarea'))"
                + ".filter(e => e.type !== 'hidden')"
                + ".filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')"
                + " && !e.getAttribute('aria-labelledby')).map(e => e.outerHTML)");
        assertThat((List<?>) unlabelled).as("inputs without a label on " + name).isEmpty();
        Object tokenless = page.evaluate("() => Array.from(document.forms).filter(f => f.method !== 'post'"
                + " || !f.querySelector('input[type=hidden][name=csrf]')"
                + " || f.querySelector('input[name=csrf]').value.length !== 32).map(f => f.outerHTML.slice(0, 200))");
        assertThat((List<?>) tokenless).as("forms without a token on " + name).isEmpty();
        Chromium.screenshot(page, "phone-zh-" + name);
    }

    @Test
    void everyPageFitsAPhoneInChineseWithLabelsAndTokens() {
        String joinLink = groupWithLink("gao");
        try (BrowserContext phone = chromium.phone("zh-CN")) {
            Page fei = phone.newPage();
            fei.navigate(base + "/web/signin");
            checkPhonePage(fei, "signin");
            fei.navigate(joinLink);
            checkPhonePage(fei, "join-signed-out");
            link(fei, "注册账号").click();
            checkPhonePage(fei, "signup");
            fei.locator("#username").fill("fei");
            fei.locator("#displayName").fill("费小姐");
            fei.locator("#password").fill(PASSWORD);
            button(fei, "注册").click();
            expect(fei.locator("h1")).hasText("我的名片");
            checkPhonePage(fei, "card-welcome");

            // Two numbers of different kinds: the second row comes from "add a phone number".
            fei.locator("#tel-value-0").fill("138 0013 8000");
            button(fei, "添加电话号码").click();
            Page.GetByLabelOptions exact = new Page.GetByLabelOptions().setExact(true);
            expect(fei.getByLabel("电话号码", exact)).hasCount(2);
            expect(fei.getByLabel("电话号码", exact).nth(1)).isFocused();
            fei.getByLabel("电话号码", exact).nth(1).fill("+44 20 7946 0958");
            fei.getByLabel("类型", exact).nth(1).selectOption("work");
            expect(fei.locator(".phone-check").nth(1)).hasText("有效：+442079460958");
            fei.locator("#email-value-0").fill("fei@example.org");
            fei.locator("#org").fill("图书馆");
            fei.locator("#title").fill("馆员");
            fei.locator("#adr-street-0").fill("中关村大街 1 号");
            fei.locator("#adr-locality-0").fill("北京");
            fei.locator("#note").fill("周末有空");
            button(fei, "保存并继续").click();
            expect(fei.locator("h1")).hasText("加入「读书会」？");
            checkPhonePage(fei, "join-signed-in");
            button(fei, "接受").click();
            expect(fei.locator("h1")).hasText("读书会");
            expect(fei.locator("#cards")).containsText("+44 20 7946 0958");
            expect(fei.locator("#cards")).containsText("中关村大街 1 号, 北京");
            checkPhonePage(fei, "group-member");

            link(fei, "我的名片").click();
            expect(fei.locator("#tel-value-1")).hasValue("+44 20 7946 0958");
            expect(fei.locator("#tel-type-1")).hasValue("work");
            fei.locator("#tel-value-1").fill("12");
            button(fei, "保存名片").click();
            expect(fei.locator("#tel-value-1-error")).containsText("不是有效的电话号码");
            checkPhonePage(fei, "card-error");

            // Her own group, with everything an owner has on its page.
            link(fei, "群组").click();
            checkPhonePage(fei, "groups");
            fei.locator("#group-name").fill("家人");
            fei.locator("#group-description").fill("我们家的通讯录");
            fei.locator("#group-limit").fill("10");
            button(fei, "创建群组").click();
            expect(fei.locator("h1")).hasText("家人");
            fei.locator("#invite-username").fill("gao");
            button(fei, "发送邀请").click();
            fei.locator("#new-entry-fn").fill("奶奶");
            fei.locator("#new-entry-tel").fill("139 1234 5678");
            button(fei, "添加条目").click();
            button(fei, "创建链接").click();
            expect(fei.locator("svg.qr")).isVisible();
            checkPhonePage(fei, "group-owner");
            link(fei, "删除此群组…").click();
            checkPhonePage(fei, "group-delete");
            link(fei, "不，保留").click();

            String other = Http.basic(base, "gao", PASSWORD).post("/api/v1/groups", Map.of("name", "同事")).expect(201)
                    .json().get("id").asText();
            Http.basic(base, "gao", PASSWORD).post("/api/v1/groups/" + other + "/invitations", Map.of("username", "fei"))
                    .expect(201);
            link(fei, "邀请").click();
            expect(fei.locator("main")).containsText("gao 邀请您加入群组「同事」。");
            checkPhonePage(fei, "invitations");
            fei.navigate(base + "/web/groups");
            link(fei, "读书会").click();
            button(fei, "对 gao 老师 隐藏我的名片").click();
            link(fei, "隐私").click();
            expect(fei.locator("ul.blocks")).containsText("gao 老师");
            checkPhonePage(fei, "blocks");
            link(fei, "设备").click();
            checkPhonePage(fei, "devices");
            fei.locator("#device-name").fill("平板");
            button(fei, "创建应用专用密码").click();
            expect(fei.locator("#new-app-password")).isVisible();
            checkPhonePage(fei, "devices-new-password");
        }
    }

    @Test
    void theKeyboardAloneReachesAndUsesEveryControl() {
        String joinLink = groupWithLink("hua");
        Http.anonymous(base).post("/api/v1/accounts", Map.of("username", "dora", "password", PASSWORD,
                "displayName", "Dora")).expect(201);
        try (BrowserContext desktop = chromium.desktop("en-US")) {
            Page dora = desktop.newPage();
            // The link, signed out: sign in (not up), then decline, then change her mind and accept.
            dora.navigate(joinLink);
            tabTo(dora, "a[href^='/web/signin']");
            dora.keyboard().press("Enter");
            expect(dora.locator("h1")).hasText("Sign in");
            tabTo(dora, "#username");
            dora.keyboard().type("dora");
            dora.keyboard().press("Tab");
            expect(dora.locator("#password")).isFocused();
            dora.keyboard().type(PASSWORD);
            dora.keyboard().press("Enter");
            expect(dora.locator("h1")).hasText("Join 读书会?");
            tabTo(dora, "button:text-is('Decline')");
            dora.keyboard().press("Enter");
            expect(dora.locator("h1")).hasText("My groups");
            expect(dora.locator("main")).containsText("You are in no group yet");
            dora.navigate(joinLink);
            tabTo(dora, "button:text-is('Accept')");
            dora.keyboard().press("Enter");
            expect(dora.locator("h1")).hasText("读书会");
            expect(dora.locator(".notice")).hasText("Welcome to the group!");

            // Her own group, made and filled in by keyboard; then every control of each page is reached by Tab.
            dora.navigate(base + "/web/groups");
            tabTo(dora, "#group-name");
            dora.keyboard().type("Book club");
            dora.keyboard().press("Enter");
            expect(dora.locator("h1")).hasText("Book club");
            tabTo(dora, "#link-uses");
            dora.keyboard().type("2");
            dora.keyboard().press("Enter");
            expect(dora.locator("svg.qr")).isVisible();
            everyControlIsReachedByTab(dora, "group page (owner)");
            dora.navigate(base + "/web/card");
            everyControlIsReachedByTab(dora, "card");
            dora.navigate(base + "/web/devices");
            everyControlIsReachedByTab(dora, "devices");
            Chromium.screenshot(dora, "keyboard-devices");
        }
    }

    /** Presses Tab until the element matching {@code selector} has the focus; each stop must show it. */
    private static void tabTo(Page page, String selector) {
        for (int i = 0; i < 60; i++) {
            page.keyboard().press("Tab");
            assertFocusVisible(page);
            if ((Boolean) page.locator(selector).first().evaluate("e => e === document.activeElement")) {
                return;
            }
        }
        throw new AssertionError("Tab never reached " + selector + " on " + page.url());
    }

    private static void assertFocusVisible(Page page) {
        Object ring = page.evaluate("() => { const e = document.activeElement; if (!e || e === document.body) return 'body';"
                + " const s = getComputedStyle(e); return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2"
                + " ? 'ok' : e.outerHTML.slice(0, 120); }");
        assertThat(ring).as("focus ring on " + page.url()).isIn("ok", "body");
    }

    /** Tabs through the whole page and checks that every visible control got the focus, visibly. */
    private static void everyControlIsReachedByTab(Page page, String name) {
        expect(page.locator("h1")).isVisible();
        if (page.locator("#live").count() > 0) { // the live part is redrawn once its stream opens
            expect(page.locator("#live")).hasAttribute("data-version", java.util.regex.Pattern.compile("[1-9].*"));
        }
        int controls = ((Number) page.evaluate("() => { const all = Array.from(document.querySelectorAll("
                + "'a[href], button, input:not([type=hidden]), select, textarea, summary'))"
                + ".filter(e => e.offsetParent !== null); all.forEach((e, i) => e.setAttribute('data-kb', i));"
                + " return all.length; }")).intValue();
        page.evaluate("() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); }");
        Set<Integer> reached = new TreeSet<>();
        for (int i = 0; i < controls + 10; i++) {
            page.keyboard().press("Tab");
            assertFocusVisible(page);
            Object kb = page.evaluate("() => document.activeElement.getAttribute('data-kb')");
            if (kb != null) {
                reached.add(Integer.parseInt(kb.toString()));
            }
        }
        Object missed = page.evaluate("reached => Array.from(document.querySelectorAll('[data-kb]'))"
                + ".filter(e => !reached.includes(Number(e.getAttribute('data-kb')))).map(e => e.outerHTML.slice(0, 120))",
                List.copyOf(reached));
        assertThat((List<?>) missed).as("controls Tab never reached on " + name).isEmpty();
        assertThat(controls).as(name).isGreaterThan(10);
    }
}
