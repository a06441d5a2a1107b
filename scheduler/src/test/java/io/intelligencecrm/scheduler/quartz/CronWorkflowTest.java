package io.intelligencecrm.scheduler.quartz;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intelligencecrm.agent.offline.OfflineModel;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.core.workflow.Workflow;
import io.intelligencecrm.core.workflow.WorkflowRun;
import io.intelligencecrm.scheduler.testing.SchedulerFixture;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A cron workflow in the owner's time zone fires at its minute and mails the owner the right summary. */
class CronWorkflowTest {
    private SchedulerFixture fixture;
    private TenantId tenant;
    private Actor rep;

    @BeforeEach
    void setUp() {
        fixture = new SchedulerFixture(new OfflineModel());
        tenant = fixture.outreach.tenant("cron");
        rep = fixture.outreach.user(tenant, "rep@cron.example", Role.REP);
        fixture.outreach.database.tenants().useTenant(tenant, handle -> handle.createUpdate(
                "update users set timezone = 'Asia/Tokyo' where id = :id").bind("id", rep.userId()).execute());
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void a_cron_workflow_fires_on_time_and_mails_the_right_summary() throws Exception {
        fixture.outreach.contact(rep, "Nora", "nora@new.example");
        fixture.outreach.contact(rep, "Nils", "nils@new.example");
        var old = fixture.outreach.contact(rep, "Olaf", "olaf@old.example");
        fixture.outreach.database.tenants().useTenant(tenant, handle -> handle.createUpdate(
                "update contacts set created_at = now() - interval '30 days' where id = :id").bind("id", old.id()).execute());

        // A few seconds ahead, written in the owner's zone (Tokyo): the trigger must use it.
        ZonedDateTime fireAt = ZonedDateTime.now(ZoneId.of("Asia/Tokyo")).plusSeconds(4).withNano(0);
        String cron = fireAt.getSecond() + " " + fireAt.getMinute() + " " + fireAt.getHour() + " * * ?";
        Workflow workflow = fixture.scheduler.workflows().create(rep, Map.of("name", "New leads summary",
                "activate", true, "definition", Map.of(
                        "trigger", Map.of("type", "cron", "cron", cron),
                        "steps", List.of(
                                Map.of("id", "leads", "type", "report", "report", "new_leads", "days", 7),
                                Map.of("id", "mail", "type", "send_email", "to", "owner",
                                        "subject", "{{steps.leads.title}}", "body", "{{steps.leads.text}}")))));
        fixture.scheduler.start();

        WorkflowRun run = awaitRun(workflow, Duration.ofSeconds(20));
        Instant scheduled = Instant.parse((String) run.triggerEvent().get("scheduledAt"));
        assertEquals(fireAt.toInstant(), scheduled, "fired for the minute written in the owner's zone");
        assertTrue(Duration.between(scheduled, run.startedAt()).abs().toSeconds() < 5, "on time");

        MimeMessage mail = awaitMail(Duration.ofSeconds(20));
        assertEquals("rep@cron.example", mail.getAllRecipients()[0].toString());
        assertEquals("2 new leads in the last 7 days", mail.getSubject());
        String body = (String) mail.getContent();
        assertTrue(body.contains("Nora Test <nora@new.example>"), body);
        assertTrue(body.contains("Nils Test <nils@new.example>"), body);
        assertFalse(body.contains("Olaf"), body);
        assertFalse(mail.getHeader("List-Unsubscribe") != null, "mail to the owner is not outreach");
        assertEquals(1, fixture.scheduler.workflows().runs(rep, workflow.id(), 10).size(), "fired once");
    }

    private WorkflowRun awaitRun(Workflow workflow, Duration timeout) {
        return await("the workflow ran").atMost(timeout)
                .until(() -> fixture.scheduler.workflows().runs(rep, workflow.id(), 10),
                        runs -> !runs.isEmpty() && runs.getFirst().status().equals("succeeded"))
                .getFirst();
    }

    private MimeMessage awaitMail(Duration timeout) {
        return await("a mail arrived").atMost(timeout).until(() -> {
            fixture.mail.drain();
            return fixture.outreach.mail.getReceivedMessages();
        }, received -> received.length > 0)[0];
    }
}
