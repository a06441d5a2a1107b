package io.intelligencecrm.web.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intelligencecrm.core.demo.DemoData;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.web.CrmApplication;
import io.intelligencecrm.web.testing.ApiClient;
import io.intelligencecrm.web.testing.DemoLogins;
import io.intelligencecrm.web.testing.TestServer;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A workflow's notify step posting to a Slack channel and to its owner, against a local server speaking Slack's API. */
@Tag("slow")
class SlackWorkflowNotifyTest {
    private static final String JORDAN = "U0JORDAN";

    private static FakeSlack slack;
    private static CrmApplication application;
    private static TenantId tenant;

    @BeforeAll
    static void start() {
        slack = new FakeSlack();
        slack.member(JORDAN, "jordan@demo.example");
        application = TestServer.start(Map.of("CRM_SLACK_API_URL", slack.url(), "CRM_MAIL_DISPATCH_MILLIS", "100"));
        tenant = application.services().directory().findBySlugOrDomain(DemoData.SLUG).orElseThrow().tenantId();
        ApiClient admin = DemoLogins.as(application, Role.ADMIN);
        assertEquals(200, admin.send("PUT", "/api/slack", """
                {"botToken": "%s", "signingSecret": "8f742231b10e8888abcd99eeefff85a5"}""".formatted(FakeSlack.TOKEN),
                "application/json").status());
        UUID jordan = application.database().tenants().inTenant(tenant, handle -> handle.createQuery(
                "select id from users where email = 'jordan@demo.example'").mapTo(UUID.class).one());
        assertEquals(200, admin.send("PUT", "/api/slack/links/" + JORDAN, "{\"userId\": \"" + jordan + "\"}",
                "application/json").status());
    }

    @AfterAll
    static void stop() {
        application.stop();
        slack.close();
    }

    @Test
    void a_notify_step_posts_to_a_channel_and_to_the_owner_and_a_refusing_channel_does_not_fail_the_run() {
        ApiClient jordan = DemoLogins.as(application, Role.REP);
        ApiClient.Response workflow = jordan.post("/api/workflows", """
                {"name": "Digest to Slack", "activate": true, "definition": {"trigger": {"type": "manual"}, "steps": [
                  {"id": "team", "type": "notify", "title": "Weekly digest", "body": "3 new leads", "slack": "C0DIGEST"},
                  {"id": "me", "type": "notify", "title": "Just for you", "slack": "owner"},
                  {"id": "closed", "type": "notify", "title": "Nobody hears this", "slack": "%s"}]}}"""
                .formatted(FakeSlack.NOT_A_MEMBER));
        assertEquals(201, workflow.status(), workflow.body());
        ApiClient.Response run = jordan.post("/api/workflows/" + workflow.json().path("id").asText() + "/run", "{}");
        assertEquals(201, run.status(), run.body());

        FakeSlack.Call channel = slack.await("chat.postMessage", call -> "C0DIGEST".equals(call.text("channel")));
        assertEquals("*Weekly digest*\n3 new leads", channel.text("text"));
        FakeSlack.Call direct = slack.await("chat.postMessage", call -> JORDAN.equals(call.text("channel")));
        assertEquals("*Just for you*", direct.text("text"));

        String runId = run.json().path("id").asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String status = null;
        while (System.nanoTime() < deadline && !"succeeded".equals(status)) {
            status = jordan.get("/api/workflow-runs/" + runId).json().path("status").asText();
            FakeSlack.sleep(100);
        }
        String detail = jordan.get("/api/workflow-runs/" + runId).body();
        assertEquals("succeeded", status, detail);
        assertTrue(detail.contains("not_in_channel"), "the refusal is noted on the step: " + detail);
        long notified = application.database().tenants().inTenant(tenant, handle -> handle.createQuery("""
                select count(*) from notifications
                 where title in ('Weekly digest', 'Just for you', 'Nobody hears this')""").mapTo(Long.class).one());
        assertEquals(3, notified, "every step also notified in the app");
    }
}
