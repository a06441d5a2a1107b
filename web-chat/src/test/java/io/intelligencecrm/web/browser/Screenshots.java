package io.intelligencecrm.web.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
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

    /**
     * The page in the dark colour scheme: checked with axe-core there too (contrast differs), and
     * photographed at desktop width.
     */
    public static void dark(Page page, String name) {
        page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.DARK));
        Axe.check(page);
        page.screenshot(new Page.ScreenshotOptions().setPath(FOLDER.resolve(name + "-dark.png")));
        page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.LIGHT));
    }

    /** The page as it is now, named for the width it was taken at. */
    public static void shot(Page page, String name, boolean phone) {
        page.screenshot(new Page.ScreenshotOptions().setPath(FOLDER.resolve(name + (phone ? "-phone.png" : "-desktop.png"))));
    }

    public static void take(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(FOLDER.resolve(name + "-desktop.png")).setFullPage(false));
        var size = page.viewportSize();
        page.setViewportSize(Chromium.PHONE_WIDTH, 844);
        page.screenshot(new Page.ScreenshotOptions().setPath(FOLDER.resolve(name + "-phone.png")).setFullPage(false));
        page.setViewportSize(size.width, size.height);
    }
}
