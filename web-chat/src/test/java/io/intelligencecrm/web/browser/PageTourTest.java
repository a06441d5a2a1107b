package io.intelligencecrm.web.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import io.intelligencecrm.core.user.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every page as a person first sees it, at a laptop's 1440×900 and a phone's 390×844: no sideways
 * scrolling of the page on the phone, a top bar on one line, axe-core clean, and a screenshot of each
 * for review (target/screenshots/tour-*).
 */
@Tag("slow")
class PageTourTest {
    private static final int PHONE_HEIGHT = 844;
    private static final int DESKTOP_HEIGHT = 900;

    @Test
    void every_page_fits_a_laptop_and_a_phone_and_passes_axe() {
        Page page = BrowserApp.signedIn(BrowserApp.get(), Role.ADMIN, Chromium.DESKTOP_WIDTH);
        page.navigate("/contacts?sort=name&dir=asc");
        String contact = page.locator("#contacts tbody tr td a").first().getAttribute("href");
        List<String> paths = List.of("/", "/contacts", contact, "/companies", "/deals", "/dashboard", "/scoring",
                "/import", "/knowledge", "/workflows", "/mail", "/inbox", "/slack", "/settings", "/settings/webhooks");
        List<String> problems = new ArrayList<>();
        for (String path : paths) {
            for (int width : new int[] {Chromium.DESKTOP_WIDTH, Chromium.PHONE_WIDTH}) {
                page.setViewportSize(width, width == Chromium.PHONE_WIDTH ? PHONE_HEIGHT : DESKTOP_HEIGHT);
                page.navigate(path);
                page.waitForLoadState(LoadState.NETWORKIDLE);
                String where = path + " at " + width + " px";
                Object status = page.evaluate("() => performance.getEntriesByType('navigation')[0].responseStatus");
                if (((Number) status).intValue() != 200) problems.add(where + ": HTTP " + status);
                Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
                if (((Number) overflow).intValue() > 0) problems.add(where + ": the page scrolls sideways by " + overflow + " px");
                Object barHeight = page.evaluate("() => document.querySelector('.topbar').getBoundingClientRect().height");
                if (((Number) barHeight).doubleValue() > 64) problems.add(where + ": the top bar is " + barHeight + " px high");
                try {
                    Axe.check(page);
                } catch (AssertionError e) {
                    problems.add(where + ": " + e.getMessage());
                }
                Screenshots.shot(page, "tour" + (path.equals("/") ? "-chat" : path.replace('/', '-').replaceAll("-[0-9a-f-]{36}", "-one")),
                        width == Chromium.PHONE_WIDTH);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void the_command_palette_finds_records_and_pages_by_keyboard_and_the_phone_menu_folds_away() {
        Page page = BrowserApp.signedIn(BrowserApp.get(), Role.REP, Chromium.DESKTOP_WIDTH);
        page.navigate("/contacts?sort=name&dir=asc");
        // The link holds the initials avatar, then the name.
        String name = ((String) page.locator("#contacts tbody tr td a").first().evaluate("a => a.lastChild.textContent")).strip();
        page.keyboard().press("Control+k");
        Locator input = page.locator("#palette-input");
        assertThat(input).isFocused();
        input.fill(name);
        // The first search of a fresh app also loads the embedding model.
        Locator contact = page.locator("#palette-results [role=option]", new Page.LocatorOptions().setHasText(name));
        assertThat(contact.first()).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
                .setTimeout(20_000));
        Axe.check(page);
        Screenshots.shot(page, "tour-palette", false);
        contact.first().click();
        assertThat(page).hasURL(Pattern.compile(".*/contacts/[0-9a-f-]{36}$"));
        assertThat(page.locator("h1")).containsText(name);

        page.keyboard().press("/");
        input.fill("pipeline");
        page.keyboard().press("Enter");
        assertThat(page).hasURL(Pattern.compile(".*/deals$"));

        page.setViewportSize(Chromium.PHONE_WIDTH, PHONE_HEIGHT);
        assertThat(page.locator("#sidebar")).not().isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Menu")).click();
        assertThat(page.locator("#sidebar")).isVisible();
        page.keyboard().press("Escape");
        assertThat(page.locator("#sidebar")).not().isVisible();
    }

    @Test
    void the_sign_in_page_fits_a_phone() {
        Page page = Chromium.page(BrowserApp.get().url(), Chromium.PHONE_WIDTH, PHONE_HEIGHT);
        page.navigate("/login");
        assertThat(page.getByLabel("Workspace")).isVisible();
        assertEquals(0, ((Number) page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")).intValue());
        Axe.check(page);
        Screenshots.shot(page, "tour-login", true);
    }
}
