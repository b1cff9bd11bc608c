package org.kith.e2e.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * The machine's Chromium (Debian's {@code /usr/bin/chromium}) driven by Playwright, headless and
 * offline. Each person in a test gets their own browser context: separate cookies and storage,
 * as on two different phones. Screenshots go to {@code target/screenshots/}.
 */
final class Chromium implements AutoCloseable {
    static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    private static final Path EXECUTABLE = Paths.get("/usr/bin/chromium");

    private final Playwright playwright;
    private final Browser browser;

    Chromium() {
        if (!Files.isExecutable(EXECUTABLE)) {
            throw new IllegalStateException("Chromium is missing: bin/test installs it (apt-get install chromium)");
        }
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(EXECUTABLE)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    /** A desktop browser (1280×900) whose user prefers {@code locale}. */
    BrowserContext desktop(String locale) {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale(locale)
                .setAcceptDownloads(true));
    }

    /** A phone-sized browser: 375 px wide, touch, the size of a small iPhone. */
    BrowserContext phone(String locale) {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(375, 740).setLocale(locale)
                .setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true).setAcceptDownloads(true));
    }

    static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    /** How far the page can be scrolled sideways (0 when it fits the screen's width). */
    static int horizontalOverflow(Page page) {
        Object px = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        return ((Number) px).intValue();
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            playwright.close();
        }
    }
}
