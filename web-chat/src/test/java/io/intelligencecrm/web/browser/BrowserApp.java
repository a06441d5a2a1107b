package io.intelligencecrm.web.browser;

import com.microsoft.playwright.Page;
import io.intelligencecrm.core.demo.DemoData;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.web.CrmApplication;
import io.intelligencecrm.web.slack.FakeSlack;
import io.intelligencecrm.web.testing.TestServer;

/**
 * One running app with the demo tenant (offline model) shared by the browser tests of this JVM, with
 * a local server speaking Slack's Web API for the Slack settings page.
 */
public final class BrowserApp {
    private static CrmApplication application;
    private static FakeSlack slack;

    private BrowserApp() {
    }

    public static synchronized CrmApplication get() {
        if (application == null) {
            slack = new FakeSlack();
            // Every browser test signs in through the form, often as the same person within a minute;
            // the login limit (RateLimitTest covers it) would refuse the eleventh.
            application = TestServer.start(java.util.Map.of("CRM_SLACK_API_URL", slack.url(),
                    "CRM_RATE_LIMIT_LOGIN_PER_MINUTE", "10000"));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                application.stop();
                slack.close();
            }));
        }
        return application;
    }

    public static synchronized FakeSlack slack() {
        get();
        return slack;
    }

    /** A second app node on the same database (and signing secret), as a load-balanced deployment runs. */
    public static CrmApplication secondNode() {
        return TestServer.secondNode(get(), java.util.Map.of());
    }

    /** A new browser signed in through the login form as the demo user with this role. */
    public static Page signedIn(Role role) {
        return signedIn(get(), role, Chromium.DESKTOP_WIDTH);
    }

    public static Page signedIn(CrmApplication app, Role role, int width) {
        DemoData.DemoLogin login = DemoData.LOGINS.stream().filter(l -> l.role() == role).findFirst().orElseThrow();
        Page page = Chromium.page(app.url(), width, 900);
        page.navigate("/login");
        page.getByLabel("Workspace").fill(DemoData.SLUG);
        page.getByLabel("Email").fill(login.email());
        page.getByLabel("Password").fill(login.password());
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Sign in")).click();
        // Fail here, with the page's own message, when the sign-in is refused rather than later on a missing element.
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("form[action='/logout']")).hasCount(1);
        return page;
    }
}
