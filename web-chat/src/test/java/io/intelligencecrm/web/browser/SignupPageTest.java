package io.intelligencecrm.web.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.intelligencecrm.web.CrmApplication;
import io.intelligencecrm.web.testing.TestServer;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A company signs up in the browser, confirms its address from the mail and its admin signs in to an empty workspace. */
@Tag("slow")
class SignupPageTest {
    private static GreenMail mail;
    private static CrmApplication application;

    @BeforeAll
    static void start() {
        mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        application = TestServer.start(Map.of("CRM_SIGNUP", "open", "CRM_DEMO_DATA", "false",
                "CRM_SMTP_HOST", "127.0.0.1", "CRM_SMTP_PORT", String.valueOf(mail.getSmtp().getPort()),
                "CRM_SMTP_SECURITY", "none", "CRM_MAIL_FROM", "crm@crm.test"));
    }

    @AfterAll
    static void stop() {
        application.stop();
        mail.stop();
    }

    @Test
    void a_company_signs_up_confirms_by_mail_and_its_admin_signs_in() throws Exception {
        Page page = Chromium.desktop(application.url());
        page.navigate("/signup");
        Axe.check(page);
        page.getByLabel("Company name").fill("Wayne Enterprises");
        page.getByLabel("Workspace (used to sign in)").fill("www");
        page.getByLabel("Your name").fill("Bruce Wayne");
        page.getByLabel("Your work email").fill("bruce@wayne.example");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign up")).click();
        assertThat(page.locator("#slug-error")).containsText("reserved");
        assertThat(page.getByLabel("Company name")).hasValue("Wayne Enterprises");

        page.getByLabel("Workspace (used to sign in)").fill("wayne");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign up")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Check your mail"))).isVisible();

        MimeMessage[] received = mail.getReceivedMessagesForDomain("bruce@wayne.example");
        assertTrue(received.length == 1);
        Matcher link = Pattern.compile("(/signup/confirm/\\S+)").matcher((String) received[0].getContent());
        assertTrue(link.find());
        page.navigate(link.group(1));
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("bruce-new-password-1");
        page.getByLabel("The same password again").fill("bruce-new-password-1");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set password")).click();
        assertThat(page.getByLabel("Email")).hasValue("bruce@wayne.example");
        page.getByLabel("Workspace").fill("wayne");
        page.getByLabel("Password").fill("bruce-new-password-1");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.locator(".user-name")).containsText("Bruce Wayne");
        page.navigate("/contacts");
        assertThat(page.locator("#contacts tbody tr")).hasCount(0);
    }
}
