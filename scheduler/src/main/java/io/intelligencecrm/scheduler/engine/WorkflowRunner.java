package io.intelligencecrm.scheduler.engine;

import io.intelligencecrm.core.contact.Contact;
import io.intelligencecrm.core.contact.ContactService;
import io.intelligencecrm.core.deal.Deal;
import io.intelligencecrm.core.deal.DealService;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.error.ErrorCode;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.json.Json;
import io.intelligencecrm.core.logging.LogContext;
import io.intelligencecrm.core.metrics.CrmMetrics;
import io.intelligencecrm.core.outbox.OutboxHandler;
import io.intelligencecrm.core.outbox.OutboxMessage;
import io.intelligencecrm.core.outbox.OutboxResult;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.tenant.TenantTransactions;
import io.intelligencecrm.core.user.User;
import io.intelligencecrm.core.user.UserRepository;
import io.intelligencecrm.core.workflow.Workflow;
import io.intelligencecrm.core.workflow.WorkflowDefinition;
import io.intelligencecrm.core.workflow.WorkflowRun;
import io.intelligencecrm.core.workflow.WorkflowRuns;
import io.intelligencecrm.core.workflow.WorkflowService;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Advances workflow runs ({@code workflow.step} outbox messages). Each step runs as the workflow's
 * owner inside one tenant transaction that also holds the run's row lock and records the step, so
 * a step's database effects (a queued mail, a task, a proposal) and its record commit together: a
 * crash mid-step repeats the step, never half of it. A failing step is retried with the outbox's
 * backoff up to the configured attempts, then the run stops with the error visible; a refusal
 * (permissions, invalid data) stops it at once.
 */
public final class WorkflowRunner implements OutboxHandler {
    private static final Logger log = LoggerFactory.getLogger(WorkflowRunner.class);
    private static final int STEPS_PER_MESSAGE = 20;
    private static final int MAX_STEPS_PER_RUN = 200;
    private static final Set<ErrorCode> REFUSALS = Set.of(ErrorCode.VALIDATION, ErrorCode.FORBIDDEN,
            ErrorCode.NOT_FOUND, ErrorCode.CONFLICT);

    private final TenantTransactions transactions;
    private final WorkflowService workflows;
    private final WorkflowRuns runs;
    private final UserRepository users;
    private final ContactService contacts;
    private final DealService deals;
    private final Map<String, StepAction> actions;
    private final int maxAttempts;
    private final Clock clock;

    public WorkflowRunner(TenantTransactions transactions, WorkflowService workflows, WorkflowRuns runs,
                          UserRepository users, ContactService contacts, DealService deals, List<StepAction> actions,
                          int maxAttempts, Clock clock) {
        this.transactions = transactions;
        this.workflows = workflows;
        this.runs = runs;
        this.users = users;
        this.contacts = contacts;
        this.deals = deals;
        this.actions = actions.stream().collect(Collectors.toUnmodifiableMap(StepAction::type, Function.identity()));
        this.maxAttempts = maxAttempts;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return WorkflowRuns.STEP_KIND;
    }

    @Override
    public int batchSize() {
        return 5;
    }

    @Override
    public OutboxResult handle(List<OutboxMessage> batch) {
        Map<Long, String> retry = new HashMap<>();
        for (OutboxMessage message : batch) {
            UUID runId = UUID.fromString((String) message.payload().get("runId"));
            int sequence = ((Number) message.payload().get("sequence")).intValue();
            String reason = (String) message.payload().get("reason");
            try (var context = LogContext.with(LogContext.RUN_ID, runId.toString())) {
                advance(message.tenant(), runId, sequence, reason);
            } catch (RuntimeException e) {
                boolean refused = e instanceof CrmException crm && REFUSALS.contains(crm.code());
                String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                if (refused || message.attempts() >= maxAttempts) {
                    fail(message.tenant(), runId, error, message.attempts());
                } else {
                    noteAttempt(message.tenant(), runId, error, message.attempts());
                    retry.put(message.id(), error);
                }
            }
        }
        return new OutboxResult(retry, Map.of());
    }

    private void advance(TenantId tenant, UUID runId, int sequence, String reason) {
        for (int i = 0; i < STEPS_PER_MESSAGE; i++) {
            int expected = sequence;
            String why = reason;
            Optional<Integer> next = transactions.inTenant(tenant, handle -> {
                WorkflowRun run = runs.lock(handle, runId).orElse(null);
                if (run == null || run.finished()) return Optional.<Integer>empty();
                boolean waiting = run.status().equals("waiting");
                // A waiting run wakes only for its own wait (a timer after a reply finds the run moved on); a
                // running one continues from where it is, also for a retried message that advanced it earlier.
                if (waiting ? run.steps().size() != expected : run.steps().size() < expected) {
                    return Optional.<Integer>empty();
                }
                return step(handle, tenant, run, waiting ? reasonOrTimer(why) : null);
            });
            if (next.isEmpty()) return;
            sequence = next.get();
            reason = null;
        }
        runs.wake(tenant, runId, sequence, null);
    }

    private static String reasonOrTimer(String reason) {
        return reason == null ? "timer" : reason;
    }

    /** Runs the run's next step; returns the new sequence when the run should continue right away. */
    private Optional<Integer> step(Handle handle, TenantId tenant, WorkflowRun run, String resumeReason) {
        Workflow workflow = workflows.find(tenant, run.workflowId()).orElse(null);
        if (workflow == null) {
            finish(handle, run, "cancelled", "the workflow was deleted");
            return Optional.empty();
        }
        if (run.steps().size() >= MAX_STEPS_PER_RUN) {
            throw CrmException.invalid("steps", "the run took more than " + MAX_STEPS_PER_RUN + " steps (a loop?)");
        }
        WorkflowDefinition definition = workflow.parsed();
        WorkflowDefinition.Step step = definition.step(run.nextStep());
        if (step == null) {
            throw CrmException.invalid("definition", "step '" + run.nextStep() + "' no longer exists in version "
                    + workflow.version());
        }
        User ownerUser = users.find(tenant, workflow.ownerId()).filter(User::active)
                .orElseThrow(() -> CrmException.forbidden("the workflow's owner is no longer an active user"));
        Actor owner = Actor.user(tenant, ownerUser.id(), ownerUser.role()).viaWorkflow();
        Subject subject = subject(owner, run.triggerEvent());
        Map<String, Object> variables = variables(workflow, run, ownerUser, subject);
        StepContext context = new StepContext(owner, workflow, definition, run, step, variables, subject.contactId(),
                subject.dealId(), resumeReason);
        Instant started = clock.instant();
        StepResult result = actions.get(step.type()).run(context);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", step.id());
        entry.put("type", step.type());
        entry.put("input", step.spec());
        entry.put("output", result.output());
        entry.put("startedAt", started.toString());
        entry.put("finishedAt", clock.instant().toString());
        if (resumeReason != null) entry.put("resumedBy", resumeReason);
        Map<String, Object> patch = Map.of(step.id(), result.output());
        if (result.waits()) {
            entry.put("waitingUntil", result.waitUntil().toString());
            runs.record(handle, run.id(), entry, "waiting", step.id(), patch, result.waitUntil(),
                    result.waitingFor(), null);
            runs.wake(tenant, run.id(), run.steps().size() + 1, result.waitUntil());
            return Optional.empty();
        }
        String next = result.next() != null ? result.next() : definition.following(step);
        if (next == null || next.equals(WorkflowDefinition.END)) {
            runs.record(handle, run.id(), entry, "succeeded", null, patch, null, null, null);
            CrmMetrics.workflowRun("succeeded");
            log.info("Workflow run {} succeeded after {} steps", run.id(), run.steps().size() + 1);
            return Optional.empty();
        }
        runs.record(handle, run.id(), entry, "running", next, patch, null, null, null);
        return Optional.of(run.steps().size() + 1);
    }

    private record Subject(UUID contactId, UUID dealId, Map<String, Object> record, String name) {
    }

    /** The contact or deal the run is about, read as the owner (what the owner cannot see fails the step). */
    private Subject subject(Actor owner, Map<String, Object> event) {
        String type = (String) event.get("entityType");
        String id = (String) event.get("entityId");
        if (type == null || id == null) return new Subject(null, null, Map.of(), null);
        UUID entityId = UUID.fromString(id);
        return switch (type) {
            case "contact" -> contactSubject(owner, entityId, null);
            case "deal" -> {
                Deal deal = deals.get(owner, entityId);
                yield new Subject(deal.contactId(), deal.id(), record(deal), deal.name());
            }
            case "interaction" -> {
                Object changes = event.get("changes");
                Object contactId = changes instanceof Map<?, ?> map ? map.get("contactId") : null;
                yield contactId == null ? new Subject(null, null, Map.of(), null)
                        : contactSubject(owner, UUID.fromString(contactId.toString()), null);
            }
            default -> new Subject(null, null, Map.of(), null);
        };
    }

    private Subject contactSubject(Actor owner, UUID contactId, UUID dealId) {
        Contact contact = contacts.get(owner, contactId);
        return new Subject(contact.id(), dealId, record(contact), contact.fullName());
    }

    private static Map<String, Object> record(Object value) {
        return Json.mapper().convertValue(value, Json.mapper().getTypeFactory()
                .constructMapType(LinkedHashMap.class, String.class, Object.class));
    }

    private Map<String, Object> variables(Workflow workflow, WorkflowRun run, User owner, Subject subject) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("event", run.triggerEvent());
        variables.put("record", subject.record());
        variables.put("recordName", subject.name() == null ? "" : subject.name());
        variables.put("owner", Map.of("id", owner.id().toString(), "email", owner.email(),
                "fullName", owner.fullName().isBlank() ? owner.email() : owner.fullName()));
        variables.put("steps", run.context());
        variables.put("workflow", Map.of("id", workflow.id().toString(), "name", workflow.name()));
        variables.put("now", clock.instant().toString());
        return variables;
    }

    private static void finish(Handle handle, WorkflowRun run, String status, String error) {
        handle.createUpdate("""
                        update workflow_runs set status = :status, next_step = null, error = :error, finished_at = now()
                         where id = :id""")
                .bind("status", status).bind("error", error).bind("id", run.id()).execute();
        CrmMetrics.workflowRun(status);
    }

    private void noteAttempt(TenantId tenant, UUID runId, String error, int attempt) {
        transactions.useTenant(tenant, handle -> handle.createUpdate(
                        "update workflow_runs set error = :error where id = :id and status in ('running', 'waiting')")
                .bind("error", "attempt " + attempt + " of " + maxAttempts + " failed: " + error + " (retrying)")
                .bind("id", runId).execute());
    }

    /** Stops the run for good with its error, recorded on the step that failed. */
    private void fail(TenantId tenant, UUID runId, String error, int attempts) {
        log.warn("Workflow run {} failed after {} attempts: {}", runId, attempts, error);
        transactions.useTenant(tenant, handle -> runs.lock(handle, runId).filter(run -> !run.finished())
                .ifPresent(run -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("id", run.nextStep());
                    entry.put("error", error);
                    entry.put("attempts", attempts);
                    entry.put("finishedAt", clock.instant().toString());
                    runs.record(handle, runId, entry, "failed", run.nextStep(), Map.of(), null, null, error);
                    CrmMetrics.workflowRun("failed");
                }));
    }
}
