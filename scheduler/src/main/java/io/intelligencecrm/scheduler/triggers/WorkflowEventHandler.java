package io.intelligencecrm.scheduler.triggers;

import io.intelligencecrm.core.events.RecordChange;
import io.intelligencecrm.core.outbox.OutboxHandler;
import io.intelligencecrm.core.outbox.OutboxMessage;
import io.intelligencecrm.core.outbox.OutboxResult;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.tenant.TenantTransactions;
import io.intelligencecrm.core.workflow.Workflow;
import io.intelligencecrm.core.workflow.WorkflowDefinition;
import io.intelligencecrm.core.workflow.WorkflowRun;
import io.intelligencecrm.core.workflow.WorkflowRuns;
import io.intelligencecrm.core.workflow.WorkflowService;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Starts runs of active workflows whose event trigger matches a record change (contact created,
 * deal stage changed, interaction logged, score crossed a threshold), and wakes runs waiting for
 * a contact's reply when an inbound interaction arrives. The run's trigger key is the change's
 * outbox message, so a redelivered change starts nothing twice.
 */
public final class WorkflowEventHandler implements OutboxHandler {
    /** A workflow's own record changes within this window do not start it again (no loops). */
    private static final Duration LOOP_GUARD = Duration.ofMinutes(5);

    private final TenantTransactions transactions;
    private final WorkflowService workflows;
    private final WorkflowRuns runs;
    private final Clock clock;

    public WorkflowEventHandler(TenantTransactions transactions, WorkflowService workflows, WorkflowRuns runs,
                                Clock clock) {
        this.transactions = transactions;
        this.workflows = workflows;
        this.runs = runs;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return WorkflowTriggers.KIND;
    }

    @Override
    public int batchSize() {
        return 50;
    }

    @Override
    public OutboxResult handle(List<OutboxMessage> batch) {
        TenantId tenant = batch.getFirst().tenant();
        List<Workflow> candidates = workflows.active(tenant, Set.of("event", "score_threshold"));
        for (OutboxMessage message : batch) {
            RecordChange change = RecordChange.fromPayload(message.payload());
            for (Workflow workflow : candidates) {
                if (!matches(workflow.parsed().trigger(), change)) continue;
                if (runs.startedRecently(tenant, workflow.id(), change.entityId().toString(),
                        clock.instant().minus(LOOP_GUARD))) {
                    continue;
                }
                Map<String, Object> event = new LinkedHashMap<>(change.toPayload());
                event.put("type", workflow.triggerType());
                runs.start(tenant, workflow, "event:" + message.idempotencyKey(), event);
            }
            if (change.entityType().equals("interaction") && change.action().equals("created")) wakeReplies(tenant, change);
        }
        return OutboxResult.allDone();
    }

    static boolean matches(WorkflowDefinition.Trigger trigger, RecordChange change) {
        if (trigger.type().equals("score_threshold")) {
            if (!change.entityType().equals("contact") || !change.action().equals("scored")) return false;
            if (!(change.changes().get("score") instanceof List<?> scores) || scores.size() != 2) return false;
            Double before = number(scores.get(0));
            Double after = number(scores.get(1));
            return after != null && after >= trigger.threshold() && (before == null || before < trigger.threshold());
        }
        if (!change.entityType().equals(trigger.entity())) return false;
        boolean stageChange = trigger.action().equals("stage_changed");
        String action = stageChange ? "updated" : trigger.action();
        if (!change.action().equals(action)) return false;
        String field = stageChange ? (trigger.entity().equals("deal") ? "stage" : "lifecycle_stage") : trigger.field();
        if (field == null) return true;
        Object changed = change.changes().get(field);
        if (changed == null) return false;
        if (trigger.to() == null) return true;
        Object now = changed instanceof List<?> pair && pair.size() == 2 ? pair.get(1) : changed;
        return Objects.equals(String.valueOf(now).toLowerCase(), String.valueOf(trigger.to()).toLowerCase());
    }

    private void wakeReplies(TenantId tenant, RecordChange change) {
        Object contact = change.changes().get("contactId");
        if (contact == null) return;
        String direction = transactions.inTenant(tenant, handle -> handle.createQuery(
                        "select direction from interactions where id = :id")
                .bind("id", change.entityId()).mapTo(String.class).findOne().orElse(null));
        if (!"inbound".equals(direction)) return;
        for (WorkflowRun run : runs.waitingForReply(tenant, UUID.fromString(contact.toString()))) {
            runs.resume(tenant, run, "reply");
        }
    }

    private static Double number(Object value) {
        if (value instanceof Number number) return number.doubleValue();
        if (value instanceof String text) {
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
