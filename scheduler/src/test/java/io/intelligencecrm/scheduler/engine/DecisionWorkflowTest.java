package io.intelligencecrm.scheduler.engine;

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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * AI decisions with the offline model: a classification of the record among the declared branches (an
 * address on customer.example does not make a lead a customer), the reason kept, an unclear one taking the
 * declared default and flagging the run; and an agent step's record travels beside the prompt, not in it.
 */
class DecisionWorkflowTest {
    private static SchedulerFixture fixture;
    private static TenantId tenant;
    private static Actor rep;

    @BeforeAll
    static void setUp() {
        fixture = new SchedulerFixture(new OfflineModel());
        tenant = fixture.outreach.tenant("decisions");
        rep = fixture.outreach.user(tenant, "rep@decisions.example", Role.REP);
    }

    @AfterAll
    static void tearDown() {
        fixture.close();
    }

    private WorkflowRun runOn(Map<String, Object> decide) {
        Workflow workflow = fixture.scheduler.workflows().create(rep, Map.of("name", "Decide " + decide.get("prompt"),
                "definition", Map.of("trigger", Map.of("type", "manual"), "steps", List.of(decide,
                        Map.of("id", "welcome", "type", "create_task", "title", "Welcome {{recordName}}", "next", "end"),
                        Map.of("id", "nurture", "type", "create_task", "title", "Nurture {{recordName}}",
                                "next", "end"))), "activate", true));
        var eve = fixture.outreach.core.contacts().create(rep, Map.of("firstName", "Eve", "lastName", "Event",
                "email", "eve.event." + workflow.id() + "@customer.example", "lifecycleStage", "lead"));
        fixture.outreach.database.tenants().useTenant(tenant, handle -> fixture.scheduler.runs().start(tenant,
                workflow, "manual:" + workflow.id(), Map.of("entityType", "contact", "entityId", eve.id().toString())));
        fixture.settle();
        return fixture.scheduler.workflows().runs(rep, workflow.id(), 1).getFirst();
    }

    private static Map<?, ?> output(WorkflowRun run) {
        return (Map<?, ?>) run.steps().getFirst().get("output");
    }

    @Test
    void a_lead_at_a_customer_domain_takes_the_lead_branch_with_its_reason() {
        WorkflowRun run = runOn(Map.of("id", "stage", "type", "agent", "prompt", "Is {{recordName}} a customer or a lead?",
                "branches", Map.of("customer", "welcome", "lead", "nurture"), "default", "lead"));
        assertEquals("succeeded", run.status(), run.toString());
        assertEquals("lead", output(run).get("branch"));
        assertEquals("clear", output(run).get("decision"));
        assertEquals("lifecycleStage is 'lead', which names the branch 'lead'", output(run).get("reason"));
        assertEquals("nurture", run.steps().get(1).get("id"));
        assertEquals(List.of(), run.flags());
    }

    @Test
    void an_unclear_decision_takes_the_declared_default_and_flags_the_run() {
        WorkflowRun run = runOn(Map.of("id", "worth", "type", "agent", "prompt", "Is {{recordName}} worth a call?",
                "branches", Map.of("yes", "welcome", "no", "nurture"), "default", "no"));
        assertEquals("succeeded", run.status(), run.toString());
        assertEquals("unclear", output(run).get("decision"));
        assertEquals("no", output(run).get("branch"));
        assertEquals("nurture", run.steps().get(1).get("id"));
        assertEquals(1, run.flags().size());
        assertTrue(run.flags().getFirst().startsWith("unclear decision at step 'worth'"), run.flags().toString());
    }

    @Test
    void an_unclear_decision_without_a_default_stops_the_run_and_says_why() {
        WorkflowRun run = runOn(Map.of("id", "worth", "type", "agent", "prompt", "Is {{recordName}} worth a call?",
                "branches", Map.of("yes", "welcome", "no", "nurture")));
        assertEquals("failed", run.status());
        assertTrue(run.error().contains("declares no default branch"), run.error());
    }

    @Test
    void an_agent_steps_record_goes_beside_the_prompt_so_the_offline_model_reads_only_the_prompt() {
        WorkflowRun run = runOn(Map.of("id", "ask", "type", "agent", "prompt", "show {{recordName}}'s details",
                "next", "end"));
        assertEquals("succeeded", run.status(), run.toString());
        String answer = String.valueOf(output(run).get("text"));
        assertFalse(answer.contains("The record this") || answer.contains("{"), answer);
        assertTrue(answer.contains("Eve Event") && answer.contains("@customer.example"), answer);
    }
}
