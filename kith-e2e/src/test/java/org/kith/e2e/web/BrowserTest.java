package org.kith.e2e.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PageAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.kith.e2e.support.ServerProcess;

/**
 * A browser test class: one real server process (SQLite in a temporary folder) and one headless
 * Chromium shared by its tests, and the page checks they have in common.
 */
abstract class BrowserTest {
    @TempDir
    static Path dir;
    static ServerProcess server;
    static Chromium chromium;
    static String base;

    @BeforeAll
    static void startServerAndBrowser() throws Exception {
        server = ServerProcess.start(dir.resolve("data"), null);
        base = server.baseUrl();
        chromium = new Chromium();
        PlaywrightAssertions.setDefaultAssertionTimeout(10_000);
    }

    @AfterAll
    static void stopServerAndBrowser() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        if (server != null) {
            System.out.println(server.output()); // kept in the test's output file for diagnosis
            server.close();
        }
    }

    static LocatorAssertions expect(Locator locator) {
        return PlaywrightAssertions.assertThat(locator);
    }

    static PageAssertions expect(Page page) {
        return PlaywrightAssertions.assertThat(page);
    }

    static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    static Locator link(Page page, String name) {
        return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    static void noSidewaysScroll(Page page, String where) {
        assertThat(Chromium.horizontalOverflow(page)).as("horizontal scroll on a 375-px phone: " + where)
                .isLessThanOrEqualTo(0);
    }
}
