package io.intelligencecrm.core.workflow;

import io.intelligencecrm.core.audit.AuditTrail;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.error.Violations;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.identity.Permissions;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.tenant.TenantTransactions;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.core.user.ZoneChanges;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Workflows: created (as drafts or active), changed (a new version), paused, resumed, deleted and
 * run by hand; their runs listed and cancelled. A workflow belongs to the user who made it and
 * runs with that user's permissions; only its owner (or an admin) sees or changes it.
 */
public final class WorkflowService implements ZoneChanges {
    private static final Set<String> FIELDS = Set.of("name", "definition", "activate");
    private static final String COLUMNS = """
            id, owner_id, name, definition, version, status, trigger_type, created_at, updated_at""";

    private final TenantTransactions transactions;
    private final AuditTrail audit;
    private final WorkflowRuns runs;
    /**
     * Bound once the node's Quartz exists (the scheduler module builds it after the core services);
     * until then activations are only stored, and the scheduler reconciles them when it starts.
     */
    private volatile WorkflowSchedule schedule = WorkflowSchedule.NONE;

    public WorkflowService(TenantTransactions transactions, AuditTrail audit, WorkflowRuns runs) {
        this.transactions = transactions;
        this.audit = audit;
        this.runs = runs;
    }

    public void useSchedule(WorkflowSchedule schedule) {
        this.schedule = schedule;
    }

    /** Creates a workflow; it stays a draft unless {@code activate} is true. */
    public Workflow create(Actor actor, Map<String, Object> body) {
        Permissions.requireWriter(actor);
        if (actor.userId() == null) throw CrmException.forbidden("A workflow runs as a user; this API key has none");
        Violations violations = new Violations();
        for (String key : body.keySet()) if (!FIELDS.contains(key)) violations.add(key, "is not a known field");
        String name = name(body.get("name"), violations);
        Object activate = body.getOrDefault("activate", false);
        violations.check(activate instanceof Boolean, "activate", "must be true or false");
        violations.throwIfAny();
        WorkflowDefinition definition = WorkflowDefinition.parse(body.get("definition"), schedule::acceptsCron);
        String status = Boolean.TRUE.equals(activate) ? "active" : "draft";
        Workflow created = transactions.inTenant(actor.tenant(), handle -> {
            Workflow workflow = handle.createQuery("""
                            insert into workflows (tenant_id, owner_id, name, definition, status, trigger_type)
                            values (crm_current_tenant(), :owner, :name, :definition, :status, :trigger)
                            returning\s""" + COLUMNS)
                    .bind("owner", actor.userId()).bind("name", name).bind("definition", definition.source())
                    .bind("status", status).bind("trigger", definition.trigger().type())
                    .mapTo(Workflow.class).one();
            audit.record(actor, "workflow.create", "workflow", workflow.id(), Map.of("name", name, "status", status));
            return workflow;
        });
        if (created.status().equals("active")) schedule.activated(actor.tenant(), created);
        return created;
    }

    public List<Workflow> list(Actor actor) {
        return transactions.inTenant(actor.tenant(), handle -> handle.createQuery("select " + COLUMNS + """
                         from workflows
                        where deleted_at is null and (owner_id = :user or :admin)
                        order by created_at desc""")
                .bind("user", actor.userId()).bind("admin", actor.role() == Role.ADMIN)
                .mapTo(Workflow.class).list());
    }

    public Workflow get(Actor actor, UUID id) {
        return transactions.inTenant(actor.tenant(), handle -> visible(handle, actor, id));
    }

    /** Replaces the name or the definition; a new definition is a new version, which runs under way continue with. */
    public Workflow update(Actor actor, UUID id, Map<String, Object> body) {
        Violations violations = new Violations();
        for (String key : body.keySet()) {
            if (!key.equals("name") && !key.equals("definition")) violations.add(key, "is not a known field");
        }
        String name = body.containsKey("name") ? name(body.get("name"), violations) : null;
        violations.throwIfAny();
        WorkflowDefinition definition = body.containsKey("definition")
                ? WorkflowDefinition.parse(body.get("definition"), schedule::acceptsCron) : null;
        Workflow updated = transactions.inTenant(actor.tenant(), handle -> {
            Workflow before = changeable(handle, actor, id);
            Workflow after = handle.createQuery("""
                            update workflows
                               set name = coalesce(:name, name),
                                   definition = coalesce(cast(:definition as jsonb), definition),
                                   trigger_type = coalesce(:trigger, trigger_type),
                                   version = version + case when cast(:definition as jsonb) is null then 0 else 1 end
                             where id = :id
                            returning\s""" + COLUMNS)
                    .bind("name", name).bind("definition", definition == null ? null : definition.source())
                    .bind("trigger", definition == null ? null : definition.trigger().type()).bind("id", id)
                    .mapTo(Workflow.class).one();
            audit.record(actor, "workflow.update", "workflow", id, Map.of("version",
                    List.of(before.version(), after.version())));
            return after;
        });
        if (updated.status().equals("active")) schedule.activated(actor.tenant(), updated);
        return updated;
    }

    /** Confirms a draft or resumes a paused workflow. */
    public Workflow activate(Actor actor, UUID id) {
        Workflow workflow = setStatus(actor, id, "active", "workflow.activate");
        schedule.activated(actor.tenant(), workflow);
        return workflow;
    }

    public Workflow pause(Actor actor, UUID id) {
        Workflow workflow = setStatus(actor, id, "paused", "workflow.pause");
        schedule.deactivated(actor.tenant(), id);
        return workflow;
    }

    public void delete(Actor actor, UUID id) {
        transactions.useTenant(actor.tenant(), handle -> {
            changeable(handle, actor, id);
            handle.createUpdate("update workflows set deleted_at = now(), status = 'paused' where id = :id")
                    .bind("id", id).execute();
            handle.createUpdate("""
                            update workflow_runs set status = 'cancelled', finished_at = now(),
                                   error = 'the workflow was deleted'
                             where workflow_id = :id and status in ('running', 'waiting')""")
                    .bind("id", id).execute();
            audit.record(actor, "workflow.delete", "workflow", id, Map.of());
        });
        schedule.deactivated(actor.tenant(), id);
    }

    /** Runs the workflow now, whatever its trigger (an active or paused one; drafts need confirming first). */
    public WorkflowRun runNow(Actor actor, UUID id) {
        Workflow workflow = get(actor, id);
        if (workflow.status().equals("draft")) {
            throw CrmException.conflict("Confirm this workflow before running it", Map.of("status", "draft"));
        }
        String trigger = workflow.parsed().trigger().type();
        if (!Set.of("cron", "manual").contains(trigger)) {
            // Its steps name the record it runs for ({{recordName}}); run by hand there is none, so it would act on nothing.
            throw CrmException.conflict("\"" + workflow.name() + "\" runs by itself for each record its trigger finds; "
                    + "it cannot run without one", Map.of("trigger", "runs only when a " + switch (trigger) {
                        case "deal_idle" -> "deal goes quiet";
                        case "score_threshold" -> "lead's score passes the threshold";
                        default -> "record changes";
                    }));
        }
        UUID runId = runs.start(actor.tenant(), workflow, "manual:" + UUID.randomUUID(),
                Map.of("type", "manual", "userId", actor.userId().toString())).orElseThrow();
        audit.record(actor, "workflow.run", "workflow", id, Map.of("runId", runId.toString()));
        return runs.find(actor.tenant(), runId).orElseThrow();
    }

    public List<WorkflowRun> runs(Actor actor, UUID workflowId, int limit) {
        return transactions.inTenant(actor.tenant(), handle -> {
            visible(handle, actor, workflowId);
            return handle.createQuery("select " + WorkflowRuns.COLUMNS + """
                             from workflow_runs where workflow_id = :id
                            order by started_at desc limit :limit""")
                    .bind("id", workflowId).bind("limit", Math.max(1, Math.min(limit, 200)))
                    .map((rs, ctx) -> WorkflowRuns.map(rs)).list();
        });
    }

    public WorkflowRun run(Actor actor, UUID runId) {
        return transactions.inTenant(actor.tenant(), handle -> {
            WorkflowRun run = runs.find(actor.tenant(), runId).orElseThrow(() -> CrmException.notFound("Workflow run"));
            try {
                visible(handle, actor, run.workflowId());
            } catch (CrmException e) {
                throw CrmException.notFound("Workflow run");
            }
            return run;
        });
    }

    /** Stops a running or waiting run: no further step starts (a step already under way finishes). */
    public WorkflowRun cancel(Actor actor, UUID runId) {
        return transactions.inTenant(actor.tenant(), handle -> {
            WorkflowRun run = run(actor, runId);
            changeable(handle, actor, run.workflowId());
            if (run.finished()) {
                throw CrmException.conflict("This run already " + run.status(), Map.of("status", run.status()));
            }
            handle.createUpdate("""
                            update workflow_runs set status = 'cancelled', finished_at = now(), next_step = null,
                                   error = 'cancelled by a person'
                             where id = :id""").bind("id", runId).execute();
            audit.record(actor, "workflow_run.cancel", "workflow_run", runId, Map.of());
            return runs.find(actor.tenant(), runId).orElseThrow();
        });
    }

    /**
     * A time zone changed: active cron workflows on local time (no zone of their own in the definition) of
     * that user, or of the whole tenant, are scheduled again in the zone now in effect.
     */
    @Override
    public void zoneChanged(TenantId tenant, UUID userId) {
        for (Workflow workflow : active(tenant, Set.of("cron"))) {
            if (userId != null && !userId.equals(workflow.ownerId())) continue;
            if (workflow.parsed().trigger().timezone() == null) schedule.activated(tenant, workflow);
        }
    }

    /** When an active cron workflow fires next and in which zone; empty for other triggers or without a scheduler. */
    public Optional<WorkflowSchedule.NextFiring> nextFiring(TenantId tenant, Workflow workflow) {
        return workflow.status().equals("active") ? schedule.nextFiring(tenant, workflow) : Optional.empty();
    }

    /** Active workflows of the tenant with one of these trigger types (for triggers and scans; no actor). */
    public List<Workflow> active(TenantId tenant, Set<String> triggerTypes) {
        return transactions.inTenant(tenant, handle -> handle.createQuery("select " + COLUMNS + """
                         from workflows
                        where status = 'active' and deleted_at is null and trigger_type = any(:types)""")
                .bind("types", triggerTypes.toArray(String[]::new)).mapTo(Workflow.class).list());
    }

    /** A workflow by id for the engine (no actor: the engine acts as the owner afterwards). */
    public Optional<Workflow> find(TenantId tenant, UUID id) {
        return transactions.inTenant(tenant, handle -> handle.createQuery(
                        "select " + COLUMNS + " from workflows where id = :id and deleted_at is null")
                .bind("id", id).mapTo(Workflow.class).findOne());
    }

    private Workflow setStatus(Actor actor, UUID id, String status, String action) {
        return transactions.inTenant(actor.tenant(), handle -> {
            Workflow before = changeable(handle, actor, id);
            Workflow after = handle.createQuery("update workflows set status = :status where id = :id returning "
                            + COLUMNS)
                    .bind("status", status).bind("id", id).mapTo(Workflow.class).one();
            audit.record(actor, action, "workflow", id, Map.of("status", List.of(before.status(), status)));
            return after;
        });
    }

    private Workflow visible(Handle handle, Actor actor, UUID id) {
        return handle.createQuery("select " + COLUMNS + " from workflows where id = :id and deleted_at is null")
                .bind("id", id).mapTo(Workflow.class).findOne()
                .filter(w -> Objects.equals(w.ownerId(), actor.userId()) || actor.role() == Role.ADMIN)
                .orElseThrow(() -> CrmException.notFound("Workflow"));
    }

    private Workflow changeable(Handle handle, Actor actor, UUID id) {
        Permissions.requireWriter(actor);
        return visible(handle, actor, id);
    }

    private static String name(Object value, Violations violations) {
        String name = value instanceof String text ? text.strip() : null;
        violations.check(name != null && !name.isEmpty() && name.length() <= 200, "name",
                "is required, at most 200 characters");
        return name;
    }
}
