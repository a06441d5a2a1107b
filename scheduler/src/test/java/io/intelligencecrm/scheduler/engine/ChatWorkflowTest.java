package io.intelligencecrm.scheduler.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intelligencecrm.agent.chat.AgentEventSink;
import io.intelligencecrm.agent.chat.ChatInput;
import io.intelligencecrm.agent.chat.ChatReply;
import io.intelligencecrm.agent.offline.OfflineModel;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.proposal.Proposal;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.core.workflow.Workflow;
import io.intelligencecrm.scheduler.testing.SchedulerFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.JobKey;

/** "Every Friday at 4pm send me a summary of new leads" in chat (no LLM key): a draft the user confirms. */
class ChatWorkflowTest {
    private SchedulerFixture fixture;
    private TenantId tenant;
    private Actor rep;

    @BeforeEach
    void setUp() {
        fixture = new SchedulerFixture(new OfflineModel());
        tenant = fixture.outreach.tenant("chat-workflows");
        rep = fixture.outreach.user(tenant, "rep@chat.example", Role.REP);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void a_workflow_said_in_chat_is_a_draft_until_the_user_confirms_it() throws Exception {
        ChatReply reply = fixture.agent.chat().send(rep, new ChatInput(null,
                "every Friday at 4pm send me a summary of new leads", "web"), AgentEventSink.IGNORE);
        assertTrue(reply.text().contains("proposed"), reply.text());

        List<Workflow> workflows = fixture.scheduler.workflows().list(rep);
        assertEquals(1, workflows.size());
        Workflow draft = workflows.getFirst();
        assertEquals("draft", draft.status());
        assertEquals(Map.of("type", "cron", "cron", "0 0 16 ? * FRI"), draft.definition().get("trigger"));
        JobKey job = new JobKey("workflow-" + draft.id(), "tenant-" + tenant.value());
        assertTrue(!fixture.scheduler.quartz().checkExists(job), "nothing is scheduled before confirmation");

        List<Proposal> pending = fixture.agent.proposals().pending(rep, reply.conversationId());
        assertEquals(1, pending.size());
        assertTrue(pending.getFirst().summary().contains("0 0 16 ? * FRI"), pending.getFirst().summary());
        ChatReply approved = fixture.agent.chat().send(rep, new ChatInput(reply.conversationId(), "approve", "web"),
                AgentEventSink.IGNORE);
        assertTrue(!approved.failed(), approved.text());

        assertEquals("active", fixture.scheduler.workflows().get(rep, draft.id()).status());
        assertTrue(fixture.scheduler.quartz().checkExists(job), "scheduled once confirmed");
    }

    @Test
    void deleting_a_workflow_from_chat_is_a_proposal_and_unschedules_it_once_approved() throws Exception {
        Workflow active = fixture.scheduler.workflows().create(rep, Map.of("name", "Daily", "activate", true,
                "definition", Map.of("trigger", Map.of("type", "cron", "cron", "0 0 9 * * ?"),
                        "steps", List.of(Map.of("id", "n", "type", "notify", "title", "Morning")))));
        JobKey job = new JobKey("workflow-" + active.id(), "tenant-" + tenant.value());
        assertTrue(fixture.scheduler.quartz().checkExists(job));
        CronTrigger trigger = (CronTrigger) fixture.scheduler.quartz().getTriggersOfJob(job).getFirst();
        assertEquals(CronTrigger.MISFIRE_INSTRUCTION_DO_NOTHING, trigger.getMisfireInstruction(),
                "after downtime a missed firing is skipped, never sent in a burst");
        assertEquals("UTC", trigger.getTimeZone().getID(), "the owner's time zone");
        Proposal proposal = fixture.agent.proposals().propose(rep, null, "workflow.delete",
                Map.of("workflowId", active.id().toString()), "Delete the workflow Daily");
        assertEquals(1, fixture.scheduler.workflows().list(rep).size(), "nothing happens before approval");

        fixture.agent.proposals().approve(rep, proposal.id(), proposal.argumentsHash());
        assertTrue(fixture.scheduler.workflows().list(rep).isEmpty());
        assertTrue(!fixture.scheduler.quartz().checkExists(job));
    }

    @Test
    void a_score_rule_said_in_chat_becomes_a_threshold_workflow_that_drafts_for_approval() {
        ChatReply reply = fixture.agent.chat().send(rep, new ChatInput(null,
                "when a lead scores above 80, draft an intro and ask me to approve it", "web"), AgentEventSink.IGNORE);
        assertTrue(reply.text().contains("proposed"), reply.text());
        Workflow draft = fixture.scheduler.workflows().list(rep).getFirst();
        assertEquals("score_threshold", draft.triggerType());
        assertEquals("draft_email", ((Map<?, ?>) ((List<?>) draft.definition().get("steps")).getFirst()).get("type"));
    }
}
