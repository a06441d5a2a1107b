package io.intelligencecrm.web.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.intelligencecrm.core.demo.DemoData;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.web.slack.FakeSlack;
import io.intelligencecrm.web.slack.SignedSlackClient;
import io.intelligencecrm.web.testing.ApiClient;
import io.intelligencecrm.web.testing.DemoLogins;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Workflows, captured mail, the inbox and Slack, used in the browser as a person would. */
@Tag("slow")
class AutomationPagesTest {
    /** Runs advance through the outbox dispatcher (once a second), so a run takes a few seconds. */
    private static final LocatorAssertions.ContainsTextOptions A_RUN = new LocatorAssertions.ContainsTextOptions()
            .setTimeout(30_000);

    @Test
    void a_rep_creates_runs_pauses_and_deletes_workflows_and_reads_each_step() {
        Page page = BrowserApp.signedIn(Role.REP);
        page.onDialog(dialog -> dialog.accept());
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Workflows")).click();
        assertThat(page.locator("#workflows")).not().containsText("Loading");

        page.getByLabel("Start from").selectOption("custom");
        page.getByLabel("Name").fill("Broken one");
        page.getByLabel(Pattern.compile("^Definition")).fill("""
                {"schemaVersion": 1, "trigger": {"type": "manual"}, "steps": [{"id": "ask", "type": "agent"}]}""");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create workflow")).click();
        assertThat(page.locator("#wf-definition-errors")).containsText("Step 1, prompt");
        assertThat(page.locator("#workflow-errors")).not().containsText("Step 1");
        assertThat(page.getByLabel(Pattern.compile("^Definition"))).hasAttribute("aria-invalid", "true");
        Axe.check(page);

        page.getByLabel("Start from").selectOption("weekly");
        page.getByLabel("Name").fill("Quiet deals every Monday");
        page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName(Pattern.compile("^Activate now"))).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create workflow")).click();
        Locator weekly = page.locator("#workflows tr", new Page.LocatorOptions().setHasText("Quiet deals every Monday"));
        assertThat(weekly).containsText("Mondays at 09:00");
        assertThat(weekly).containsText("active");
        assertThat(weekly).containsText("never");

        weekly.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("^Run now"))).click();
        assertThat(page.locator("#detail-title")).hasText("Runs of Quiet deals every Monday");
        page.locator("#runs button").first().click();
        assertThat(page.locator("#run h3")).containsText("succeeded", A_RUN);
        assertThat(page.locator("#run .step")).hasCount(2);
        assertThat(page.locator("#run .step").first()).containsText("report");
        page.locator("#run .step").last().getByText("Input and output").click();
        assertThat(page.locator("#run .step").last()).containsText("owner");
        assertThat(weekly).containsText("succeeded");
        Axe.check(page);
        Screenshots.take(page, "workflows");
        Screenshots.dark(page, "workflows");

        weekly.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("^Pause"))).click();
        assertThat(weekly).containsText("paused");
        weekly.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("^Resume"))).click();
        assertThat(weekly).containsText("active");

        page.getByLabel("Start from").selectOption("custom");
        page.getByLabel("Name").fill("Wait a day then remind me");
        page.getByLabel(Pattern.compile("^Definition")).fill("""
                {"schemaVersion": 1, "trigger": {"type": "manual"},
                 "steps": [{"id": "later", "type": "wait", "duration": "P1D"},
                           {"id": "note", "type": "notify", "title": "A day has passed"}]}""");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create workflow")).click();
        Locator waiting = page.locator("#workflows tr", new Page.LocatorOptions().setHasText("Wait a day then remind me"));
        assertThat(waiting).containsText("draft");
        waiting.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("^Activate"))).click();
        assertThat(waiting).containsText("active");
        waiting.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("^Run now"))).click();
        assertThat(page.locator("#detail-title")).hasText("Runs of Wait a day then remind me");
        page.locator("#runs button").first().click();
        assertThat(page.locator("#run h3")).containsText("waiting", A_RUN);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel this run")).click();
        assertThat(page.locator("#run h3")).containsText("cancelled");

        waiting.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("^Delete"))).click();
        assertThat(page.locator("#workflow-status")).hasText("Workflow deleted.");
        assertThat(waiting).hasCount(0);
        assertThat(weekly).hasCount(1);
    }

    @Test
    void captured_mail_reads_as_inert_text_and_managers_block_addresses_and_admins_set_the_mail_server() throws Exception {
        var app = BrowserApp.get();
        ApiClient manager = DemoLogins.as(app, Role.MANAGER);
        String address = "mira-" + UUID.randomUUID().toString().substring(0, 8) + "@customer.example";
        JsonNode contact = manager.post("/api/contacts", "{\"firstName\": \"Mira\", \"email\": \"" + address + "\"}").json();
        Actor actor = Actor.user(app.services().directory().findBySlugOrDomain(DemoData.SLUG).orElseThrow().tenantId(),
                UUID.fromString(manager.get("/api/auth/me").json().get("id").asText()), Role.MANAGER);
        app.outreach().emailQueue().toContact(actor, UUID.fromString(contact.get("id").asText()),
                "Your <b>trial</b>", "Hi Mira,\n<script>window.pwned = 1</script><img src=x onerror=\"window.pwned = 2\">\nSam",
                "browser:" + UUID.randomUUID());

        Page page = BrowserApp.signedIn(Role.MANAGER);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mail")).click();
        Locator mail = page.locator("#captured a", new Page.LocatorOptions().setHasText("Your <b>trial</b>"));
        await("the mail reached the capture").atMost(Duration.ofSeconds(10)).until(() -> {
            page.reload();
            return mail.count() > 0;
        });
        mail.click();
        assertThat(page.locator("#mail-subject")).hasText("Your <b>trial</b>");
        assertThat(page.locator("#mail-body")).containsText("<script>window.pwned = 1</script>");
        assertThat(page.locator("#mail-body")).containsText("Unsubscribe: ");
        assertThat(page.locator(".mail")).containsText("List-Unsubscribe");
        assertEquals(0, page.locator(".mail script, .mail img").count());
        assertEquals(null, page.evaluate("window.pwned ?? null"));
        Axe.check(page);
        Screenshots.take(page, "mail");

        page.getByLabel("Email address or phone number").fill(address);
        page.getByLabel("Why (optional)").fill("asked by phone");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Block")).click();
        assertThat(page.locator("#mail-status")).containsText("Blocked " + address);
        assertThat(page.locator("#suppressions")).containsText(address);
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Allow " + address + " again"))).hasCount(0);
        assertThat(page.locator("#mail-settings")).hasCount(0);

        Page admin = BrowserApp.signedIn(Role.ADMIN);
        admin.navigate("/mail");
        assertThat(admin.locator("#smtp-password-state")).hasText("No password stored.");
        admin.locator("#from-address").fill("not an email");
        admin.locator("#from-name").fill("Demo Sales");
        admin.locator("#smtp-password").fill("smtp-secret-1");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save mail settings")).click();
        assertThat(admin.locator("#mail-settings-errors")).containsText("From address");
        assertThat(admin.locator("#from-address")).hasAttribute("aria-invalid", "true");
        admin.locator("#from-address").fill("sales@demo.example");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save mail settings")).click();
        assertThat(admin.locator("#mail-status")).hasText("Mail settings saved.");
        assertThat(admin.locator("#smtp-password-state")).hasText("A password is stored.");
        assertThat(admin.locator("#smtp-password")).hasValue("");
        admin.reload();
        assertThat(admin.locator("#from-name")).hasValue("Demo Sales");
        Axe.check(admin);

        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Allow " + address + " again")).click();
        assertThat(admin.locator("#mail-status")).hasText(address + " may receive mail again.");
        assertThat(admin.locator("#suppressions")).not().containsText(address);
    }

    @Test
    void the_inbox_marks_notifications_read_and_tasks_done_and_the_badge_follows() throws Exception {
        ApiClient rep = DemoLogins.as(BrowserApp.get(), Role.REP);
        ApiClient.Response created = rep.post("/api/workflows", """
                {"name": "Inbox filler", "activate": true, "definition": {"schemaVersion": 1, "trigger": {"type": "manual"},
                 "steps": [{"id": "note", "type": "notify", "title": "Check <img src=x onerror=alert(1)> Nakatomi",
                            "body": "<script>alert(2)</script> they asked for a quote"},
                           {"id": "todo", "type": "create_task", "title": "Call <b>Nakatomi</b> back", "dueIn": "P1D"}]}}""");
        assertEquals(201, created.status(), created.body());
        String runId = rep.post("/api/workflows/" + created.json().get("id").asText() + "/run", "{}").json().get("id").asText();
        await("the run succeeded").atMost(Duration.ofSeconds(30))
                .until(() -> rep.get("/api/workflow-runs/" + runId).json().get("status").asText(), "succeeded"::equals);

        Page page = BrowserApp.signedIn(Role.REP);
        int waiting = Integer.parseInt(page.locator("#inbox-count").textContent());
        assertTrue(waiting >= 2, "a notification and a task wait: " + waiting);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("^Inbox"))).click();
        Locator notice = page.locator("#notifications li", new Page.LocatorOptions().setHasText("Check <img src=x onerror=alert(1)> Nakatomi"));
        assertThat(notice).containsText("<script>alert(2)</script> they asked for a quote");
        Locator task = page.locator("#tasks li", new Page.LocatorOptions().setHasText("Call <b>Nakatomi</b> back"));
        assertThat(task).hasCount(1);
        assertEquals(0, page.locator("#notifications img, #notifications script, #tasks b").count());
        Axe.check(page);
        Screenshots.take(page, "inbox");

        notice.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("^Mark .* read$"))).click();
        assertThat(page.locator("#inbox-status")).hasText("Marked read.");
        assertThat(page.locator("#inbox-count")).hasText(String.valueOf(waiting - 1));
        assertThat(notice.getByRole(AriaRole.BUTTON)).hasCount(0);

        task.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("done$"))).click();
        assertThat(page.locator("#inbox-status")).hasText("Task done.");
        assertThat(task).hasCount(0);
        assertThat(page.locator("#inbox-count")).hasText(String.valueOf(waiting - 2));
        page.reload();
        assertThat(page.locator("#inbox-count")).hasText(String.valueOf(waiting - 2));
    }

    @Test
    void a_rep_adds_a_task_in_the_inbox_sees_overdue_ones_first_and_completes_it() {
        ApiClient rep = DemoLogins.as(BrowserApp.get(), Role.REP);
        String contactId = rep.get("/api/contacts?limit=1").json().at("/items/0/id").asText();
        assertEquals(201, rep.post("/api/tasks", "{\"title\": \"Long overdue follow-up\", \"dueAt\": \"2020-01-02\", "
                + "\"contactId\": \"" + contactId + "\"}").status());

        Page page = BrowserApp.signedIn(Role.REP);
        page.navigate("/inbox");
        Locator first = page.locator("#tasks li").first();
        assertThat(first).containsText("Long overdue follow-up");
        assertThat(first.locator(".overdue")).containsText("overdue");
        assertThat(first.getByRole(AriaRole.LINK)).containsText("Contact: ");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add task")).click();
        assertThat(page.locator("#e-title")).hasText("is required");
        assertThat(page.getByLabel("New task")).hasAttribute("aria-invalid", "true");

        page.getByLabel("New task").fill("Ring Grace about the pilot");
        page.getByLabel("Due day").fill("2099-12-31");
        page.getByLabel("Time (optional)").fill("10:30");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add task")).click();
        assertThat(page.locator("#inbox-status")).hasText("Task added.");
        Locator added = page.locator("#tasks li", new Page.LocatorOptions().setHasText("Ring Grace about the pilot"));
        assertThat(added).containsText("due");
        assertThat(page.locator("#tasks li").first()).containsText("Long overdue follow-up");
        Axe.check(page);

        added.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("done$"))).click();
        assertThat(page.locator("#inbox-status")).hasText("Task done.");
        assertThat(added).hasCount(0);
    }

    @Test
    void an_admin_connects_slack_and_links_people_and_a_rep_confirms_the_code_the_bot_showed() {
        String signingSecret = "b1e2c3d4e5f60718293a4b5c6d7e8f90";
        Page admin = BrowserApp.signedIn(Role.ADMIN);
        admin.onDialog(dialog -> dialog.accept());
        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Slack")).click();
        assertThat(admin.locator("#connection")).containsText("Not connected");
        Axe.check(admin);

        admin.getByLabel("Bot User OAuth Token").fill("xoxb-revoked");
        admin.getByLabel("Signing Secret").fill(signingSecret);
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Connect")).click();
        assertThat(admin.locator("#slack-status")).containsText("Not connected:");
        admin.getByLabel("Bot User OAuth Token").fill(FakeSlack.TOKEN);
        admin.getByLabel("Signing Secret").fill(signingSecret);
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Connect")).click();
        assertThat(admin.locator("#connection")).containsText("Test Team");
        assertThat(admin.locator("#connection")).containsText("Connected");

        admin.getByLabel("Slack user id").fill("U0BROWSER");
        admin.getByLabel("CRM user").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Sam Rivera (sam@demo.example)"));
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Link").setExact(true)).click();
        Locator link = admin.locator("#links tr", new Page.LocatorOptions().setHasText("U0BROWSER"));
        assertThat(link).containsText("Sam Rivera");
        assertThat(link).containsText("linked by an admin");

        new SignedSlackClient(BrowserApp.get().url(), signingSecret).events(SignedSlackClient.mention("Ev-browser-code",
                "U0WEBREP", "C0WEB", "1800001000.000100", null, "show my open deals"));
        FakeSlack.Call note = BrowserApp.slack().await("chat.postEphemeral", call -> "U0WEBREP".equals(call.text("user")));
        Matcher code = Pattern.compile("[A-Z2-9]{4}-[A-Z2-9]{4}").matcher(note.text("text"));
        assertTrue(code.find(), note.text("text"));

        Page rep = BrowserApp.signedIn(Role.REP);
        rep.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Slack")).click();
        assertThat(rep.locator("#connection")).hasCount(0);
        rep.getByLabel("Code from Slack").fill("AAAA-BBBB");
        rep.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Link my account")).click();
        assertThat(rep.locator("#confirm-result")).containsText("Not linked");
        rep.getByLabel("Code from Slack").fill(code.group());
        rep.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Link my account")).click();
        assertThat(rep.locator("#confirm-result")).hasText("Linked: Slack user U0WEBREP now acts as you.");
        Axe.check(rep);

        admin.reload();
        assertThat(admin.locator("#links tr", new Page.LocatorOptions().setHasText("U0WEBREP"))).containsText("confirmed with a code");
        Axe.check(admin);
        Screenshots.take(admin, "slack");
        link.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Unlink U0BROWSER")).click();
        assertThat(link).hasCount(0);
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Disconnect")).click();
        assertThat(admin.locator("#connection")).containsText("Not connected");
        assertThat(admin.locator("#links")).containsText("Nobody is linked yet");
    }
}
