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
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.kith.e2e.support.ServerProcess;
import org.kith.server.support.Database;
import org.kith.server.support.Databases;
import org.kith.server.support.TestDatabase;

/**
 * A browser test class, run on each database: one real server process (SQLite in a temporary
 * folder, then a fresh PostgreSQL database) shared by its tests, one headless Chromium shared by
 * both runs, and the page checks they have in common.
 */
@Databases
abstract class BrowserTest {
    /** The database of this run (also handed to the method that starts the server). */
    @Parameter
    Database databaseKind;
    @TempDir
    static Path dir;
    static TestDatabase database;
    static ServerProcess server;
    static Chromium chromium;
    static String base;

    @BeforeAll
    static void startBrowser() {
        chromium = new Chromium();
        PlaywrightAssertions.setDefaultAssertionTimeout(10_000);
    }

    @BeforeParameterizedClassInvocation
    static void startServer(Database db) throws Exception {
        database = db.create();
        server = ServerProcess.start(dir.resolve(db.name()).resolve("data"), database.url());
        base = server.baseUrl();
    }

    @AfterParameterizedClassInvocation
    static void stopServer() throws Exception {
        if (server != null) {
            System.out.println(server.output()); // kept in the test's output file for diagnosis
            server.close();
            server = null;
        }
        if (database != null) {
            database.close();
            database = null;
        }
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
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
