package io.intelligencecrm.scheduler.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.core.workflow.Workflow;
import io.intelligencecrm.core.workflow.WorkflowRun;
import io.intelligencecrm.scheduler.testing.SchedulerFixture;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A failing step is retried with backoff, continues without repeating earlier steps, and finally stops visibly. */
class StepRetryTest {
    private SchedulerFixture fixture;

    /** Fails its first {@code failures} calls, then answers. */
    static final class FlakyModel implements StreamingChatModel {
        private final AtomicInteger calls = new AtomicInteger();
        private final int failures;

        FlakyModel(int failures) {
            this.failures = failures;
        }

        @Override
        public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
            if (calls.incrementAndGet() <= failures) {
                handler.onError(new IllegalStateException("model provider unavailable"));
                return;
            }
            handler.onCompleteResponse(ChatResponse.builder().aiMessage(AiMessage.from("All good."))
                    .finishReason(FinishReason.STOP).tokenUsage(new TokenUsage(1, 1)).build());
        }
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private WorkflowRun runOnce(Actor rep, TenantId tenant, Workflow workflow) {
        fixture.scheduler.workflows().runNow(rep, workflow.id());
        fixture.settle();
        return fixture.scheduler.workflows().runs(rep, workflow.id(), 1).getFirst();
    }

    private void makeDue(TenantId tenant) {
        fixture.outreach.database.tenants().useTenant(tenant, handle -> handle.createUpdate(
                "update outbox set available_at = now() where status = 'pending'").execute());
    }

    private Workflow workflow(Actor rep) {
        return fixture.scheduler.workflows().create(rep, Map.of("name", "Flaky", "activate", true, "definition",
                Map.of("trigger", Map.of("type", "manual"), "steps", List.of(
                        Map.of("id", "before", "type", "notify", "title", "before"),
                        Map.of("id", "ask", "type", "agent", "prompt", "How are things?"),
                        Map.of("id", "after", "type", "notify", "title", "after: {{steps.ask.text}}")))));
    }

    @Test
    void a_step_that_fails_once_is_retried_and_the_steps_before_it_do_not_run_again() {
        fixture = new SchedulerFixture(new FlakyModel(1));
        TenantId tenant = fixture.outreach.tenant("retry");
        Actor rep = fixture.outreach.user(tenant, "rep@retry.example", Role.REP);
        Workflow workflow = workflow(rep);

        WorkflowRun first = runOnce(rep, tenant, workflow);
        assertEquals("running", first.status());
        assertTrue(first.error().startsWith("attempt 1 of 5 failed"), first.error());

        makeDue(tenant);
        fixture.settle();
        WorkflowRun run = fixture.scheduler.workflows().run(rep, first.id());
        assertEquals("succeeded", run.status(), run.toString());
        assertEquals(List.of("after: All good.", "before"), fixture.scheduler.notifications().recent(rep, false, 10)
                .stream().map(n -> n.title()).toList());
    }

    @Test
    void a_step_failing_every_attempt_stops_the_run_with_the_error_on_the_step() {
        fixture = new SchedulerFixture(new FlakyModel(100), Map.of("CRM_WORKFLOW_STEP_RETRIES", "3"));
        TenantId tenant = fixture.outreach.tenant("retry-fail");
        Actor rep = fixture.outreach.user(tenant, "rep@retryfail.example", Role.REP);
        Workflow workflow = workflow(rep);

        WorkflowRun run = runOnce(rep, tenant, workflow);
        for (int i = 0; i < 3 && !run.finished(); i++) {
            makeDue(tenant);
            fixture.settle();
            run = fixture.scheduler.workflows().run(rep, run.id());
        }
        assertEquals("failed", run.status());
        Map<String, Object> failed = run.steps().getLast();
        assertEquals("ask", failed.get("id"));
        assertTrue(String.valueOf(failed.get("error")).contains("could not answer"), failed.toString());
        assertEquals(3, ((Number) failed.get("attempts")).intValue());
    }
}
