package io.intelligencecrm.scheduler.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intelligencecrm.core.contact.Contact;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.events.RecordChange;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.proposal.Proposal;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.core.workflow.Workflow;
import io.intelligencecrm.core.workflow.WorkflowRun;
import io.intelligencecrm.scheduler.testing.KeywordModel;
import io.intelligencecrm.scheduler.testing.SchedulerFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Record events start workflows; an agent step decides the branch; drafts wait for approval. */
@Tag("slow")
class EventWorkflowTest {
    private final KeywordModel model = new KeywordModel("bigcorp.example");
    private SchedulerFixture fixture;
    private TenantId tenant;
    private Actor rep;

    @BeforeEach
    void setUp() {
        fixture = new SchedulerFixture(model);
        tenant = fixture.outreach.tenant("events");
        rep = fixture.outreach.user(tenant, "rep@events.example", Role.REP);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private Workflow create(String name, Map<String, Object> definition) {
        return fixture.scheduler.workflows().create(rep, Map.of("name", name, "definition", definition,
                "activate", true));
    }

    private List<WorkflowRun> runs(Workflow workflow) {
        return fixture.scheduler.workflows().runs(rep, workflow.id(), 10);
    }

    @Test
    void an_event_workflow_with_an_agent_decision_takes_the_branch_the_agent_chose() {
        Workflow workflow = create("Qualify new contacts", Map.of(
                "trigger", Map.of("type", "event", "entity", "contact", "action", "created"),
                "steps", List.of(
                        Map.of("id", "decide", "type", "agent", "prompt", "Is {{record.firstName}} worth a call?",
                                "branches", Map.of("yes", "call", "no", "note")),
                        Map.of("id", "call", "type", "create_task", "title", "Call {{record.firstName}}",
                                "dueIn", "P1D", "next", "end"),
                        Map.of("id", "note", "type", "notify", "title", "{{record.firstName}} looks like a poor fit"))));

        Contact good = fixture.outreach.contact(rep, "Grace", "grace@bigcorp.example");
        Contact poor = fixture.outreach.contact(rep, "Pete", "pete@tiny.example");
        fixture.settle();

        List<WorkflowRun> runs = runs(workflow);
        assertEquals(2, runs.size());
        for (WorkflowRun run : runs) assertEquals("succeeded", run.status(), run.toString());
        List<String> tasks = fixture.scheduler.tasks().open(rep, 10).stream().map(t -> t.title()).toList();
        assertEquals(List.of("Call Grace"), tasks);
        assertEquals(List.of("Pete looks like a poor fit"), fixture.scheduler.notifications().recent(rep, true, 10)
                .stream().map(n -> n.title()).toList());
        WorkflowRun graceRun = runs.stream().filter(r -> r.triggerEvent().get("entityId").equals(good.id().toString()))
                .findFirst().orElseThrow();
        Map<?, ?> decision = (Map<?, ?>) graceRun.steps().getFirst().get("output");
        assertEquals("yes", decision.get("branch"));
        assertEquals("the keyword is there", decision.get("reason"));
        assertTrue(model.prompts.stream().anyMatch(p -> p.contains("Is Grace worth a call?")));
        assertTrue(poor.id() != null);
    }

    @Test
    void a_score_crossing_the_threshold_drafts_an_email_that_is_sent_only_after_approval() throws Exception {
        create("Intro for hot leads", Map.of(
                "trigger", Map.of("type", "score_threshold", "threshold", 80),
                "steps", List.of(Map.of("id", "intro", "type", "draft_email", "subject", "Hello {{record.firstName}}",
                        "body", "Your score went to {{event.changes.score.1}}."))));
        Contact hot = fixture.outreach.contact(rep, "Hana", "hana@customer.example");
        fixture.settle();
        score(hot, 70, 85);
        score(hot, 85, 90);
        fixture.settle();

        List<Proposal> pending = fixture.agent.proposals().pending(rep, null);
        assertEquals(1, pending.size(), "one crossing, one draft");
        assertEquals(0, fixture.outreach.mail.getReceivedMessages().length, "nothing is sent before approval");

        fixture.agent.proposals().approve(rep, pending.getFirst().id(), pending.getFirst().argumentsHash());
        fixture.settle();
        var received = fixture.outreach.mail.getReceivedMessages();
        assertEquals(1, received.length);
        assertEquals("hana@customer.example", ((jakarta.mail.internet.InternetAddress) received[0].getAllRecipients()[0])
                .getAddress());
        assertTrue(fixture.outreach.database.tenants().inTenant(tenant, handle -> handle.createQuery(
                "select count(*) from deliveries where status = 'sent'").mapTo(Integer.class).one()) == 1);
    }

    @Test
    void a_step_the_owner_may_not_do_stops_the_run_with_a_visible_error() {
        Actor admin = fixture.outreach.user(tenant, "admin@events.example", Role.ADMIN);
        Contact someoneElses = fixture.outreach.contact(admin, "Olga", "olga@customer.example");
        Workflow workflow = create("Touch everything", Map.of(
                "trigger", Map.of("type", "manual"),
                "steps", List.of(Map.of("id", "promote", "type", "update_record",
                        "fields", Map.of("lifecycleStage", "customer")))));
        fixture.outreach.database.tenants().useTenant(tenant, handle -> fixture.scheduler.runs().start(tenant,
                workflow, "manual:test", Map.of("entityType", "contact", "entityId", someoneElses.id().toString())));
        fixture.settle();

        WorkflowRun run = runs(workflow).getFirst();
        assertEquals("failed", run.status());
        assertTrue(run.error().contains("Reps"), run.error());
        assertEquals("lead", fixture.outreach.core.contacts().get(admin, someoneElses.id()).lifecycleStage().stored());
    }

    @Test
    void an_invalid_definition_is_refused_with_field_messages() {
        CrmException refused = org.junit.jupiter.api.Assertions.assertThrows(CrmException.class, () -> create("Bad",
                Map.of("trigger", Map.of("type", "cron", "cron", "every friday"),
                        "steps", List.of(Map.of("id", "a", "type", "send_email", "to", "everyone")))));
        assertTrue(refused.fieldErrors().containsKey("definition.trigger.cron"), refused.fieldErrors().toString());
        assertTrue(refused.fieldErrors().containsKey("definition.steps[0].to"));
        assertTrue(refused.fieldErrors().containsKey("definition.steps[0].subject"));
    }

    private void score(Contact contact, int before, int after) {
        fixture.outreach.core.changes().publish(tenant, new RecordChange("contact", contact.id(), "scored",
                Map.of("score", List.of(before, after)), null));
    }
}
