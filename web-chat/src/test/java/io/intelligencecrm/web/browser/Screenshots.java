package io.intelligencecrm.web.browser;

import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Pictures of each page as a person sees it, at desktop and phone width, written to
 * target/screenshots (the README shows the best of them, copied to docs/screenshots).
 */
public final class Screenshots {
    private static final Path FOLDER = Paths.get("target", "screenshots");

    private Screenshots() {
    }

    public static void take(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(FOLDER.resolve(name + "-desktop.png")).setFullPage(false));
        var size = page.viewportSize();
        page.setViewportSize(Chromium.PHONE_WIDTH, 844);
        page.screenshot(new Page.ScreenshotOptions().setPath(FOLDER.resolve(name + "-phone.png")).setFullPage(false));
        page.setViewportSize(size.width, size.height);
    }
}
