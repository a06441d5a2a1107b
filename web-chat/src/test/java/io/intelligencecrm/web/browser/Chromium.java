package io.intelligencecrm.web.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Paths;
import java.util.List;

/**
 * Debian's Chromium, headless, driven by Playwright: one browser for the whole test JVM, a fresh
 * context (cookies, storage) per person. Playwright never downloads a browser of its own here
 * (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD is set by surefire and ./crm test).
 */
public final class Chromium {
    public static final int DESKTOP_WIDTH = 1440;
    public static final int PHONE_WIDTH = 390;
    private static Playwright playwright;
    private static Browser browser;

    private Chromium() {
    }

    public static synchronized Browser browser() {
        if (browser == null) {
            // A loaded CI machine renders slowly; expectations wait as long as actions do.
            PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
            playwright = Playwright.create();
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Paths.get("/usr/bin/chromium"))
                    .setHeadless(true)
                    .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                            "--disable-component-update", "--no-first-run")));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                browser.close();
                playwright.close();
            }));
        }
        return browser;
    }

    /** A new person at a desktop browser, with the app's address as base URL. */
    public static Page desktop(String baseUrl) {
        return page(baseUrl, DESKTOP_WIDTH, 900);
    }

    public static Page page(String baseUrl, int width, int height) {
        BrowserContext context = browser().newContext(new Browser.NewContextOptions().setBaseURL(baseUrl)
                .setViewportSize(width, height));
        context.setDefaultTimeout(15_000);
        return context.newPage();
    }
}
