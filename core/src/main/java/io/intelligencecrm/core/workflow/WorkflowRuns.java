package io.intelligencecrm.core.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.intelligencecrm.core.json.Json;
import io.intelligencecrm.core.outbox.Outbox;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.tenant.TenantTransactions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Workflow runs as stored: starting one (once per firing), moving it from step to step, and
 * finishing it. A run advances through outbox messages of kind {@code workflow.step}: whatever
 * node picks one up continues the run where the last committed step left it.
 */
public final class WorkflowRuns {
    public static final String STEP_KIND = "workflow.step";
    static final String COLUMNS = """
            id, workflow_id, workflow_version, status, trigger_key, trigger_event, steps::text as steps, error,
            next_step, context, wait_until, waiting_for, started_at, finished_at""";

    private final TenantTransactions transactions;
    private final Outbox outbox;

    public WorkflowRuns(TenantTransactions transactions, Outbox outbox) {
        this.transactions = transactions;
        this.outbox = outbox;
    }

    /**
     * Starts a run of the workflow's current version for one firing; a second start with the same
     * trigger key (a redelivered event, a recovered cron job) does nothing.
     */
    public Optional<UUID> start(TenantId tenant, Workflow workflow, String triggerKey, Map<String, Object> event) {
        WorkflowDefinition definition = workflow.parsed();
        return transactions.inTenant(tenant, handle -> {
            Optional<UUID> id = handle.createQuery("""
                            insert into workflow_runs (tenant_id, workflow_id, workflow_version, trigger_key,
                                                       trigger_event, next_step)
                            values (crm_current_tenant(), :workflowId, :version, :triggerKey, :event, :first)
                            on conflict (tenant_id, workflow_id, trigger_key) do nothing
                            returning id""")
                    .bind("workflowId", workflow.id()).bind("version", workflow.version())
                    .bind("triggerKey", triggerKey).bind("event", event)
                    .bind("first", definition.steps().getFirst().id())
                    .mapTo(UUID.class).findOne();
            id.ifPresent(runId -> wake(tenant, runId, 0, null));
            return id;
        });
    }

    /** Queues the run's next advance; {@code at} later than now makes it a timer. */
    public void wake(TenantId tenant, UUID runId, int sequence, Instant at) {
        outbox.enqueue(tenant, STEP_KIND, Map.of("runId", runId.toString(), "sequence", sequence),
                "workflow-step:" + runId + ":" + sequence, at);
    }

    /** Wakes a waiting run now because something it waits for happened (a reply); its timer then finds it moved on. */
    public void resume(TenantId tenant, WorkflowRun run, String reason) {
        outbox.enqueue(tenant, STEP_KIND, Map.of("runId", run.id().toString(), "sequence", run.steps().size(),
                "reason", reason), "workflow-step:" + run.id() + ":" + run.steps().size() + ":" + reason, null);
    }

    /** True when this workflow started a run about this record recently (a workflow's own change must not loop it). */
    public boolean startedRecently(TenantId tenant, UUID workflowId, String entityId, Instant since) {
        return transactions.inTenant(tenant, handle -> handle.createQuery("""
                        select exists (select 1 from workflow_runs
                                        where workflow_id = :workflow and trigger_event ->> 'entityId' = :entity
                                          and started_at >= :since)""")
                .bind("workflow", workflowId).bind("entity", entityId).bind("since", since)
                .mapTo(Boolean.class).one());
    }

    public Optional<WorkflowRun> find(TenantId tenant, UUID runId) {
        return transactions.inTenant(tenant, handle -> handle.createQuery(
                        "select " + COLUMNS + " from workflow_runs where id = :id")
                .bind("id", runId).map((rs, ctx) -> map(rs)).findOne());
    }

    /** Locks the run for the step about to run, so two nodes never advance it at once. */
    public Optional<WorkflowRun> lock(Handle handle, UUID runId) {
        return handle.createQuery("select " + COLUMNS + " from workflow_runs where id = :id for update")
                .bind("id", runId).map((rs, ctx) -> map(rs)).findOne();
    }

    /** Appends a step's record and moves the run on (or parks it waiting, or finishes it). */
    public void record(Handle handle, UUID runId, Map<String, Object> stepRecord, String status, String nextStep,
                       Map<String, Object> contextPatch, Instant waitUntil, Map<String, Object> waitingFor,
                       String error) {
        handle.createUpdate("""
                        update workflow_runs
                           set steps = steps || jsonb_build_array(cast(:entry as jsonb)),
                               status = :status, next_step = :next, context = context || cast(:patch as jsonb),
                               wait_until = :waitUntil, waiting_for = cast(:waitingFor as jsonb), error = :error,
                               finished_at = case when :status in ('succeeded', 'failed', 'cancelled')
                                                  then now() end
                         where id = :id""")
                .bind("entry", stepRecord).bind("status", status).bind("next", nextStep)
                .bind("patch", contextPatch).bind("waitUntil", waitUntil)
                .bind("waitingFor", waitingFor).bind("error", error).bind("id", runId).execute();
    }

    /** Runs of this tenant waiting for a reply from this contact. */
    public List<WorkflowRun> waitingForReply(TenantId tenant, UUID contactId) {
        return transactions.inTenant(tenant, handle -> handle.createQuery("select " + COLUMNS + """
                         from workflow_runs
                        where status = 'waiting' and waiting_for ->> 'contactId' = :contact""")
                .bind("contact", contactId.toString()).map((rs, ctx) -> map(rs)).list());
    }

    static WorkflowRun map(ResultSet rs) throws SQLException {
        List<Map<String, Object>> steps = steps(rs.getString("steps"));
        return new WorkflowRun(rs.getObject("id", UUID.class), rs.getObject("workflow_id", UUID.class),
                rs.getInt("workflow_version"), rs.getString("status"), rs.getString("trigger_key"),
                json(rs.getString("trigger_event")), steps, rs.getString("error"),
                rs.getString("next_step"), json(rs.getString("context")), instant(rs.getTimestamp("wait_until")),
                rs.getString("waiting_for") == null ? null : json(rs.getString("waiting_for")),
                instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("finished_at")), flags(steps));
    }

    /** The flags steps raised (their output's "flag"), in order. */
    private static List<String> flags(List<Map<String, Object>> steps) {
        return steps.stream().map(step -> step.get("output") instanceof Map<?, ?> output ? output.get("flag") : null)
                .filter(flag -> flag instanceof String).map(String.class::cast).toList();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Map<String, Object> json(String text) {
        try {
            return text == null ? Map.of() : Json.mapper().readValue(text, new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored workflow run JSON is unreadable", e);
        }
    }

    private static List<Map<String, Object>> steps(String text) {
        try {
            return Json.mapper().readValue(text, new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored workflow run steps are unreadable", e);
        }
    }
}
