package io.intelligencecrm.core.task;

import io.intelligencecrm.core.audit.AuditTrail;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.events.ChangeFeed;
import io.intelligencecrm.core.events.RecordChange;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.identity.Permissions;
import io.intelligencecrm.core.tenant.TenantTransactions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Tasks and reminders for the acting user (workflows create them for their owner). */
public final class TaskService {
    private static final String COLUMNS = """
            id, assignee_id, title, notes, contact_id, deal_id, due_at, done_at, source, created_at""";

    private final TenantTransactions transactions;
    private final AuditTrail audit;
    private final ChangeFeed changes;

    public TaskService(TenantTransactions transactions, AuditTrail audit, ChangeFeed changes) {
        this.transactions = transactions;
        this.audit = audit;
        this.changes = changes;
    }

    public Task create(Actor actor, String title, String notes, UUID contactId, UUID dealId, Instant dueAt,
                       String source) {
        Permissions.requireWriter(actor);
        if (actor.userId() == null) throw CrmException.forbidden("Tasks belong to a user; this API key has none");
        if (title == null || title.isBlank() || title.length() > 300) {
            throw CrmException.invalid("title", "is required, at most 300 characters");
        }
        return transactions.inTenant(actor.tenant(), handle -> {
            Task task = handle.createQuery("""
                            insert into tasks (tenant_id, assignee_id, title, notes, contact_id, deal_id, due_at, source)
                            values (crm_current_tenant(), :assignee, :title, coalesce(:notes, ''), :contact, :deal,
                                    :due, :source)
                            returning\s""" + COLUMNS)
                    .bind("assignee", actor.userId()).bind("title", title.strip()).bind("notes", notes)
                    .bind("contact", contactId).bind("deal", dealId).bind("due", dueAt).bind("source", source)
                    .mapTo(Task.class).one();
            audit.record(actor, "task.create", "task", task.id(), Map.of("title", task.title()));
            changes.publish(actor.tenant(), new RecordChange("task", task.id(), "created", Map.of(), actor.userId()));
            return task;
        });
    }

    /** The actor's open tasks, soonest due first. */
    public List<Task> open(Actor actor, int limit) {
        return transactions.inTenant(actor.tenant(), handle -> handle.createQuery("select " + COLUMNS + """
                         from tasks where assignee_id = :user and done_at is null
                        order by due_at nulls last, created_at limit :limit""")
                .bind("user", actor.userId()).bind("limit", Math.max(1, Math.min(limit, 500)))
                .mapTo(Task.class).list());
    }

    /** Marks one of the actor's own tasks done; someone else's task is not found. */
    public Task complete(Actor actor, UUID id) {
        return transactions.inTenant(actor.tenant(), handle -> {
            boolean wasOpen = handle.createQuery("select done_at is null from tasks where id = :id and assignee_id = :user")
                    .bind("id", id).bind("user", actor.userId()).mapTo(Boolean.class).findOne().orElse(false);
            Task task = handle.createQuery("""
                            update tasks set done_at = coalesce(done_at, now())
                             where id = :id and assignee_id = :user
                            returning\s""" + COLUMNS)
                    .bind("id", id).bind("user", actor.userId())
                    .mapTo(Task.class).findOne().orElseThrow(() -> CrmException.notFound("Task"));
            audit.record(actor, "task.complete", "task", id, Map.of("title", task.title()));
            if (wasOpen) {
                List<Object> doneAt = new ArrayList<>();
                doneAt.add(null);
                doneAt.add(task.doneAt().toString());
                changes.publish(actor.tenant(), new RecordChange("task", id, "updated", Map.of("doneAt", doneAt),
                        actor.userId()));
            }
            return task;
        });
    }
}
