package io.intelligencecrm.core.task;

import io.intelligencecrm.core.audit.AuditTrail;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.error.Violations;
import io.intelligencecrm.core.events.ChangeFeed;
import io.intelligencecrm.core.events.RecordChange;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.identity.Permissions;
import io.intelligencecrm.core.record.FieldReader;
import io.intelligencecrm.core.record.RecordWrites;
import io.intelligencecrm.core.tenant.TenantTransactions;
import io.intelligencecrm.core.user.Role;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * Tasks and reminders. Reps see and change their own; managers and admins the whole team's (and
 * may give a task to a colleague); viewers read the team's and change nothing. Workflows create
 * tasks for their owner. Dates without an offset are in the user's time zone.
 */
public final class TaskService {
    public static final Set<String> FIELDS = Set.of("title", "notes", "dueAt", "contactId", "dealId", "assigneeId");
    private static final Set<String> PATCH_FIELDS = Set.of("title", "notes", "dueAt", "contactId", "dealId",
            "assigneeId", "done");
    private static final int MAX_LIST = 500;
    private static final String SELECT = """
            select t.id, t.assignee_id, coalesce(nullif(u.full_name, ''), u.email) as assignee_name, t.title, t.notes,
                   t.contact_id, coalesce(nullif(trim(c.first_name || ' ' || c.last_name), ''), c.email) as contact_name,
                   t.deal_id, d.name as deal_name, t.due_at, t.all_day, t.done_at, t.source, t.created_at
              from tasks t
              join users u on u.tenant_id = t.tenant_id and u.id = t.assignee_id
              left join contacts c on c.tenant_id = t.tenant_id and c.id = t.contact_id and c.deleted_at is null
              left join deals d on d.tenant_id = t.tenant_id and d.id = t.deal_id and d.deleted_at is null""";

    private final TenantTransactions transactions;
    private final AuditTrail audit;
    private final Clock clock;
    private final ChangeFeed changes;

    public TaskService(TenantTransactions transactions, AuditTrail audit, Clock clock, ChangeFeed changes) {
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
        this.changes = changes;
    }

    /** Fields as in the API: title, notes, dueAt, contactId, dealId, assigneeId (managers and admins only). */
    public Task create(Actor actor, Map<String, Object> fields) {
        requireUser(actor);
        Permissions.requireWriter(actor);
        return transactions.inTenant(actor.tenant(), handle -> {
            Violations violations = new Violations();
            FieldReader reader = new FieldReader(fields, FIELDS, violations);
            reader.requiredText("title", 300);
            Map<String, Object> values = read(handle, actor, reader, violations);
            violations.throwIfAny();
            UUID assignee = (UUID) values.getOrDefault("assignee_id", actor.userId());
            values.put("assignee_id", assigneeFor(actor, assignee));
            values.put("source", "user");
            return insert(handle, actor, values);
        });
    }

    /** A task from a workflow or another service: for the actor, with a due instant. */
    public Task create(Actor actor, String title, String notes, UUID contactId, UUID dealId, Instant dueAt,
                       String source) {
        requireUser(actor);
        Permissions.requireWriter(actor);
        if (title == null || title.isBlank() || title.length() > 300) {
            throw CrmException.invalid("title", "is required, at most 300 characters");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("assignee_id", actor.userId());
        values.put("title", title.strip());
        if (notes != null) values.put("notes", notes);
        values.put("contact_id", contactId);
        values.put("deal_id", dealId);
        values.put("due_at", dueAt);
        values.put("source", source);
        return transactions.inTenant(actor.tenant(), handle -> insert(handle, actor, values));
    }

    public Task get(Actor actor, UUID id) {
        return transactions.inTenant(actor.tenant(), handle -> requireVisible(handle, actor, id));
    }

    /** Open tasks first, soonest due (so overdue) first; done ones after, latest done first. */
    public List<Task> list(Actor actor, TaskQuery query) {
        if (actor.role() == Role.REP && (actor.userId() == null || !actor.userId().equals(query.assigneeId()))) {
            throw CrmException.forbidden("Reps see only their own tasks");
        }
        List<String> where = new ArrayList<>();
        Map<String, Object> binds = new LinkedHashMap<>();
        where.add("true");
        if (query.assigneeId() != null) {
            where.add("t.assignee_id = :assignee");
            binds.put("assignee", query.assigneeId());
        }
        TaskStatus status = query.status() == null ? TaskStatus.OPEN : query.status();
        if (status == TaskStatus.OPEN) where.add("t.done_at is null");
        if (status == TaskStatus.DONE) where.add("t.done_at is not null");
        if (query.dueFrom() != null) {
            where.add("t.due_at >= :dueFrom");
            binds.put("dueFrom", query.dueFrom());
        }
        if (query.dueBefore() != null) {
            where.add("t.due_at < :dueBefore");
            binds.put("dueBefore", query.dueBefore());
        }
        if (Boolean.TRUE.equals(query.overdue())) {
            where.add("t.done_at is null and (case when t.all_day then t.due_at + interval '1 day' else t.due_at end)"
                    + " < :now");
            binds.put("now", clock.instant());
        }
        int limit = query.limit() == null ? 200 : Math.max(1, Math.min(query.limit(), MAX_LIST));
        String sql = SELECT + " where " + String.join(" and ", where)
                + " order by t.done_at is not null, t.due_at nulls last, t.done_at desc, t.created_at limit :limit";
        return transactions.inTenant(actor.tenant(), handle -> {
            Query statement = handle.createQuery(sql);
            binds.forEach(statement::bind);
            return statement.bind("limit", limit).mapTo(Task.class).list();
        });
    }

    /** The actor's open tasks, soonest due first. */
    public List<Task> open(Actor actor, int limit) {
        return list(actor, TaskQuery.openFor(actor.userId(), limit));
    }

    /** A partial update: title, notes, dueAt (null clears), contactId, dealId, assigneeId, done. */
    public Task update(Actor actor, UUID id, Map<String, Object> patch) {
        return transactions.inTenant(actor.tenant(), handle -> {
            Task before = requireChangeable(handle, actor, id);
            Violations violations = new Violations();
            FieldReader reader = new FieldReader(patch, PATCH_FIELDS, violations);
            Map<String, Object> values = read(handle, actor, reader, violations);
            if (reader.has("done")) {
                Boolean done = reader.bool("done");
                if (done == null && !violations.has("done")) violations.add("done", "must be true or false");
                if (Boolean.TRUE.equals(done)) values.put("done_at", before.doneAt() == null ? clock.instant() : before.doneAt());
                if (Boolean.FALSE.equals(done)) values.put("done_at", null);
            }
            violations.throwIfAny();
            if (values.containsKey("assignee_id")) values.put("assignee_id", assigneeFor(actor, (UUID) values.get("assignee_id")));
            Map<String, Object> diff = RecordWrites.diff(currentValues(before), values);
            if (diff.isEmpty()) return before;
            Map<String, Object> changed = new LinkedHashMap<>();
            diff.keySet().forEach(column -> changed.put(column, values.get(column)));
            RecordWrites.update(handle, "tasks", id, changed);
            audit.record(actor, "task.update", "task", id, diff);
            changes.publish(actor.tenant(), new RecordChange("task", id, "updated", diff, actor.userId()));
            return require(handle, id);
        });
    }

    /** Marks a task done (done tasks stay done, with their first done time). */
    public Task complete(Actor actor, UUID id) {
        return update(actor, id, Map.of("done", true));
    }

    public void delete(Actor actor, UUID id) {
        transactions.useTenant(actor.tenant(), handle -> {
            Task task = requireChangeable(handle, actor, id);
            handle.createUpdate("delete from tasks where id = :id").bind("id", id).execute();
            audit.record(actor, "task.delete", "task", id, Map.of("title", task.title()));
            changes.publish(actor.tenant(), new RecordChange("task", id, "deleted", Map.of(), actor.userId()));
        });
    }

    private Task insert(Handle handle, Actor actor, Map<String, Object> values) {
        UUID id = RecordWrites.insert(handle, "tasks", values);
        audit.record(actor, "task.create", "task", id, RecordWrites.creationDiff(values));
        changes.publish(actor.tenant(), new RecordChange("task", id, "created", Map.of(), actor.userId()));
        return require(handle, id);
    }

    private Map<String, Object> read(Handle handle, Actor actor, FieldReader reader, Violations violations) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (reader.has("title")) {
            String title = reader.text("title", 300);
            if (title == null && !violations.has("title")) violations.add("title", "cannot be empty");
            values.put("title", title);
        }
        if (reader.has("notes")) {
            String notes = reader.text("notes", 10_000);
            values.put("notes", notes == null ? "" : notes);
        }
        if (reader.has("dueAt")) readDue(handle, actor, reader.text("dueAt", 40), violations, values);
        if (reader.has("contactId")) {
            UUID contactId = reader.id("contactId");
            if (contactId != null && !exists(handle, "contacts", contactId)) violations.add("contactId", "no such contact");
            values.put("contact_id", contactId);
        }
        if (reader.has("dealId")) {
            UUID dealId = reader.id("dealId");
            if (dealId != null && !exists(handle, "deals", dealId)) violations.add("dealId", "no such deal");
            values.put("deal_id", dealId);
        }
        if (reader.has("assigneeId")) {
            UUID assignee = reader.id("assigneeId");
            if (assignee == null && !violations.has("assigneeId")) violations.add("assigneeId", "cannot be empty");
            values.put("assignee_id", assignee);
        }
        return values;
    }

    private void readDue(Handle handle, Actor actor, String text, Violations violations, Map<String, Object> values) {
        if (text == null) {
            values.put("due_at", null);
            values.put("all_day", false);
            return;
        }
        try {
            DueDate due = DueDate.parse(text, zoneOf(handle, actor));
            values.put("due_at", due.at());
            values.put("all_day", due.allDay());
        } catch (DateTimeException e) {
            violations.add("dueAt", "must be " + DueDate.FORMS);
        }
    }

    /** Reps keep tasks for themselves; managers and admins may give one to any active colleague. */
    private UUID assigneeFor(Actor actor, UUID assignee) {
        Permissions.requireWriter(actor);
        if (!assignee.equals(actor.userId()) && actor.role() == Role.REP) {
            throw CrmException.invalid("assigneeId", "reps can only give tasks to themselves");
        }
        transactions.useTenant(actor.tenant(), handle -> RecordWrites.requireActiveUser(handle, assignee, "assigneeId"));
        return assignee;
    }

    private static ZoneId zoneOf(Handle handle, Actor actor) {
        String zone = handle.createQuery(
                        "select coalesce(timezone, crm_tenant_timezone(), 'UTC') from users where id = :id").bind("id", actor.userId())
                .mapTo(String.class).findOne().orElse("UTC");
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }

    private static boolean exists(Handle handle, String table, UUID id) {
        return handle.createQuery("select exists (select 1 from " + table + " where id = :id and deleted_at is null)")
                .bind("id", id).mapTo(Boolean.class).one();
    }

    private Task requireChangeable(Handle handle, Actor actor, UUID id) {
        Permissions.requireWriter(actor);
        return requireVisible(handle, actor, id);
    }

    /** A rep asking for a colleague's task finds nothing: ids reveal nothing. */
    private static Task requireVisible(Handle handle, Actor actor, UUID id) {
        return find(handle, id).filter(task -> actor.role() != Role.REP || task.assigneeId().equals(actor.userId()))
                .orElseThrow(() -> CrmException.notFound("Task"));
    }

    private static Task require(Handle handle, UUID id) {
        return find(handle, id).orElseThrow(() -> CrmException.notFound("Task"));
    }

    /** A task as the API shows it, read inside an open tenant transaction (the webhooks' fan-out reads it so). */
    public static java.util.Optional<Task> find(Handle handle, UUID id) {
        return handle.createQuery(SELECT + " where t.id = :id").bind("id", id).mapTo(Task.class).findOne();
    }

    private static void requireUser(Actor actor) {
        if (actor.userId() == null) throw CrmException.forbidden("Tasks belong to a user; this API key has none");
    }

    private static Map<String, Object> currentValues(Task task) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("title", task.title());
        values.put("notes", task.notes());
        values.put("due_at", task.dueAt());
        values.put("all_day", task.allDay());
        values.put("contact_id", task.contactId());
        values.put("deal_id", task.dealId());
        values.put("assignee_id", task.assigneeId());
        values.put("done_at", task.doneAt());
        return values;
    }
}
