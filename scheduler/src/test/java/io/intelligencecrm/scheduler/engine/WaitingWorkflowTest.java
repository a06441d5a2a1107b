package io.intelligencecrm.scheduler.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intelligencecrm.agent.offline.OfflineModel;
import io.intelligencecrm.core.contact.Contact;
import io.intelligencecrm.core.deal.Deal;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.core.workflow.Workflow;
import io.intelligencecrm.core.workflow.WorkflowRun;
import io.intelligencecrm.scheduler.testing.SchedulerFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs that wait for a reply or a timer, and the deal-idle trigger. */
class WaitingWorkflowTest {
    private SchedulerFixture fixture;
    private TenantId tenant;
    private Actor rep;

    @BeforeEach
    void setUp() {
        fixture = new SchedulerFixture(new OfflineModel());
        tenant = fixture.outreach.tenant("waiting");
        rep = fixture.outreach.user(tenant, "rep@waiting.example", Role.REP);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private WorkflowRun onlyRun(Workflow workflow) {
        List<WorkflowRun> runs = fixture.scheduler.workflows().runs(rep, workflow.id(), 10);
        assertEquals(1, runs.size());
        return runs.getFirst();
    }

    @Test
    void a_run_waiting_for_a_reply_resumes_on_an_inbound_interaction_and_its_timer_is_then_ignored() {
        Workflow workflow = fixture.scheduler.workflows().create(rep, Map.of("name", "Nudge", "activate", true,
                "definition", Map.of("trigger", Map.of("type", "event", "entity", "contact", "action", "created"),
                        "steps", List.of(
                                Map.of("id", "hello", "type", "send_email", "to", "contact", "subject", "Hi",
                                        "body", "Hello {{record.firstName}}"),
                                Map.of("id", "listen", "type", "wait_for_reply", "timeout", "P3D",
                                        "then", "thanks", "onTimeout", "nudge"),
                                Map.of("id", "thanks", "type", "notify", "title", "{{recordName}} replied",
                                        "next", "end"),
                                Map.of("id", "nudge", "type", "create_task", "title", "Nudge {{recordName}}")))));
        Contact ada = fixture.outreach.contact(rep, "Ada", "ada@customer.example");
        fixture.settle();
        assertEquals("waiting", onlyRun(workflow).status());
        assertEquals(1, fixture.outreach.mail.getReceivedMessages().length);

        fixture.outreach.core.interactions().log(rep, Map.of("contactId", ada.id().toString(), "type", "email",
                "direction", "inbound", "content", "Thanks, interested!"));
        fixture.settle();

        WorkflowRun run = onlyRun(workflow);
        assertEquals("succeeded", run.status(), run.toString());
        assertEquals(List.of("Ada Test replied"), fixture.scheduler.notifications().recent(rep, true, 10).stream()
                .map(n -> n.title()).toList());
        // The timeout timer still fires later; it finds the run moved on and does nothing.
        fixture.outreach.database.tenants().useTenant(tenant, handle -> handle.createUpdate(
                "update outbox set available_at = now() where kind = 'workflow.step' and status = 'pending'").execute());
        fixture.settle();
        assertTrue(fixture.scheduler.tasks().open(rep, 10).isEmpty(), "no nudge after the reply");
    }

    @Test
    void a_deal_idle_for_n_days_starts_one_run_per_idle_stretch() {
        Workflow workflow = fixture.scheduler.workflows().create(rep, Map.of("name", "Quiet deals", "activate", true,
                "definition", Map.of("trigger", Map.of("type", "deal_idle", "days", 10),
                        "steps", List.of(Map.of("id", "remind", "type", "create_task",
                                "title", "Revive {{record.name}}")))));
        Deal quiet = fixture.outreach.core.deals().create(rep, Map.of("name", "Quiet renewal", "amount", 1000));
        fixture.outreach.core.deals().create(rep, Map.of("name", "Busy deal", "amount", 2000));
        // updated_at is kept by a trigger; the owner role switches it off to age the deal.
        fixture.outreach.database.ownerJdbi().useHandle(handle -> {
            handle.execute("select set_config('app.tenant_id', ?, false)", tenant.value().toString());
            handle.execute("alter table deals disable trigger deals_touch");
            handle.execute("update deals set updated_at = now() - interval '20 days' where id = ?", quiet.id());
            handle.execute("alter table deals enable trigger deals_touch");
        });

        assertEquals(1, fixture.scheduler.idleScan().scanAll());
        assertEquals(0, fixture.scheduler.idleScan().scanAll(), "same idle stretch, no second run");
        fixture.settle();
        assertEquals("succeeded", onlyRun(workflow).status());
        assertEquals(List.of("Revive Quiet renewal"), fixture.scheduler.tasks().open(rep, 10).stream()
                .map(t -> t.title()).toList());
    }
}
