package io.intelligencecrm.core.undo;

import io.intelligencecrm.core.audit.AuditTrail;
import io.intelligencecrm.core.company.CompanyService;
import io.intelligencecrm.core.contact.ContactService;
import io.intelligencecrm.core.deal.DealService;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.identity.Permissions;
import io.intelligencecrm.core.interaction.InteractionService;
import io.intelligencecrm.core.task.TaskService;
import io.intelligencecrm.core.tenant.TenantTransactions;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * "Undo that": reverts the user's own last change in one conversation, found through the audit trail
 * (every row of a tool call or an approved proposal carries its transaction id). Created records are
 * removed, changed fields get their previous values, deleted records come back, a moved interaction
 * moves back. Refused, with the reason, when the change cannot be undone (a sent email, a merge), when
 * someone (or the user elsewhere) changed one of its records since, or when other records now hang on
 * a created one. The reverting writes go through the services, so permissions and audit apply; they
 * and an {@code agent.undo} row form the undo's own transaction, which a later undo steps over.
 */
public final class ChangeUndo {
    private static final int TRANSACTIONS = 50;
    private static final int MAX_ROWS = 200;
    private static final Set<String> MARKERS = Set.of("agent.tool", "agent.undo", "proposal.create",
            "proposal.approve", "proposal.execute", "proposal.reject", "proposal.fail");
    private static final Set<String> UNDOABLE = Set.of("contact.create", "contact.update", "contact.delete",
            "contact.restore", "company.create", "company.update", "company.delete", "company.restore",
            "deal.create", "deal.update", "deal.delete", "deal.restore", "interaction.create", "interaction.update",
            "interaction.delete", "interaction.restore", "interaction.move", "task.create", "task.update");
    /** Columns that follow from others (a deal's close time from its stage) and are not set directly. */
    private static final Set<String> DERIVED = Set.of("closed_at", "all_day", "updated_at");

    private final TenantTransactions transactions;
    private final AuditTrail audit;
    private final ContactService contacts;
    private final CompanyService companies;
    private final DealService deals;
    private final InteractionService interactions;
    private final TaskService tasks;

    public ChangeUndo(TenantTransactions transactions, AuditTrail audit, ContactService contacts,
                      CompanyService companies, DealService deals, InteractionService interactions, TaskService tasks) {
        this.transactions = transactions;
        this.audit = audit;
        this.contacts = contacts;
        this.companies = companies;
        this.deals = deals;
        this.interactions = interactions;
        this.tasks = tasks;
    }

    /** What undoing the user's last change in the conversation would do, or why it cannot. */
    public UndoPlan plan(Actor actor, UUID conversationId) {
        Permissions.requireWriter(actor);
        if (actor.userId() == null || conversationId == null) return UndoPlan.refused("Undo works on your own changes in a conversation.");
        return transactions.inTenant(actor.tenant(), handle -> plan(handle, actor, conversationId, false));
    }

    /**
     * Reverts the change {@link #plan} found, if it is still the one to undo and still can be; one
     * transaction with the caller's (an agent tool call's or a proposal's).
     *
     * @return what was done, in words
     */
    public String revert(Actor actor, UUID conversationId, String transactionId) {
        Permissions.requireWriter(actor);
        return transactions.inTenant(actor.tenant(), handle -> {
            UndoPlan plan = plan(handle, actor, conversationId, true);
            if (!plan.possible()) throw CrmException.conflict(plan.refusal(), Map.of());
            if (!plan.transactionId().equals(transactionId)) {
                throw CrmException.conflict("Something else changed since this undo was prepared; ask again",
                        Map.of());
            }
            plan.steps().forEach(step -> apply(actor, step));
            audit.record(actor, "agent.undo", "conversation", conversationId, Map.of("undid", transactionId,
                    "summary", plan.summary()), conversationId);
            return plan.summary();
        });
    }

    /** Notes that undoing the change waits for the user's approval of this proposal. */
    public void recordProposed(Actor actor, UUID conversationId, String transactionId, UUID proposalId) {
        audit.record(actor, "agent.undo", "conversation", conversationId, Map.of("undid", transactionId,
                "proposal", proposalId.toString()), conversationId);
    }

    /** @param executing true while an approved undo runs: its own proposal is still pending then */
    private UndoPlan plan(Handle handle, Actor actor, UUID conversationId, boolean executing) {
        Map<String, List<AuditRow>> history = history(handle, actor, conversationId);
        Set<String> undone = new HashSet<>();
        Set<String> undoTransactions = new HashSet<>();
        history.forEach((transaction, rows) -> rows.stream().filter(row -> row.is("agent.undo")).forEach(row -> {
            undoTransactions.add(transaction);
            if (!row.diff().containsKey("proposal")) undone.add(String.valueOf(row.diff().get("undid")));
        }));
        for (Map.Entry<String, List<AuditRow>> entry : history.entrySet()) {
            List<AuditRow> rows = entry.getValue();
            String pending = pendingProposal(handle, rows);
            if (undoTransactions.contains(entry.getKey())) {
                if (pending != null && !executing) {
                    return UndoPlan.refused("Undoing that is already waiting for your approval: approve or reject it.");
                }
                continue;
            }
            if (undone.contains(entry.getKey())) continue;
            List<AuditRow> writes = rows.stream().filter(row -> !MARKERS.contains(row.action())).toList();
            if (writes.isEmpty()) {
                if (pending != null) {
                    return UndoPlan.refused("The last thing I did was to propose: " + pending + ". Nothing has "
                            + "happened yet; reject the proposal if you do not want it.");
                }
                continue;
            }
            Set<String> ignored = new HashSet<>(undone);
            ignored.addAll(undoTransactions);
            ignored.add(entry.getKey());
            return planFor(handle, actor, entry.getKey(), writes, ignored);
        }
        return UndoPlan.refused("There is no change of yours in this conversation that I can undo.");
    }

    /** The conversation's last transactions, newest first, each with its rows in order. */
    private static Map<String, List<AuditRow>> history(Handle handle, Actor actor, UUID conversationId) {
        Map<String, List<AuditRow>> history = new LinkedHashMap<>();
        handle.createQuery("""
                        with recent as (
                            select transaction_id, max(id) as last_id from audit_log
                             where conversation_id = :conversation and transaction_id is not null
                               and coalesce(on_behalf_of, actor_id) = :user
                             group by transaction_id order by last_id desc limit :transactions)
                        select a.id, a.action, a.entity_type, a.entity_id, a.diff, a.transaction_id::text as transaction_id
                          from audit_log a join recent r on r.transaction_id = a.transaction_id
                         order by r.last_id desc, a.id""")
                .bind("conversation", conversationId).bind("user", actor.userId()).bind("transactions", TRANSACTIONS)
                .mapTo(AuditRow.class)
                .forEach(row -> history.computeIfAbsent(row.transactionId(), key -> new ArrayList<>()).add(row));
        return history;
    }

    private UndoPlan planFor(Handle handle, Actor actor, String transaction, List<AuditRow> writes, Set<String> ignored) {
        if (writes.size() > MAX_ROWS) return UndoPlan.refused("That change touched too many records to undo from chat.");
        for (AuditRow row : writes) {
            if (!UNDOABLE.contains(row.action())) return UndoPlan.refused(whyNot(row));
        }
        Set<UUID> written = new HashSet<>();
        writes.forEach(row -> written.add(row.entityId()));
        List<UndoStep> steps = new ArrayList<>();
        for (AuditRow row : writes.reversed()) {
            String label = label(handle, row.entityType(), row.entityId());
            String changedBy = laterChange(handle, actor, row, ignored);
            if (changedBy != null) {
                return UndoPlan.refused("The " + row.entityType() + " " + label + " was changed " + changedBy
                        + " since, and undoing would overwrite that.");
            }
            String verb = row.action().substring(row.action().indexOf('.') + 1);
            switch (verb) {
                case "create", "restore" -> {
                    if (attached(handle, row.entityType(), row.entityId(), written)) {
                        return UndoPlan.refused("Other records now belong to the " + row.entityType() + " " + label
                                + ", so I will not remove it; delete it yourself if you mean to.");
                    }
                    steps.add(new UndoStep(UndoStep.Kind.REMOVE, row.entityType(), row.entityId(), label, Map.of()));
                }
                case "delete" -> steps.add(new UndoStep(UndoStep.Kind.RESTORE, row.entityType(), row.entityId(), label,
                        Map.of()));
                case "move" -> steps.add(new UndoStep(UndoStep.Kind.MOVE_BACK, row.entityType(), row.entityId(), label,
                        Map.of("contactId", previous(row.diff().get("contact_id")))));
                default -> {
                    Map<String, Object> patch = previousValues(handle, actor, row);
                    if (!patch.isEmpty()) {
                        steps.add(new UndoStep(UndoStep.Kind.REVERT, row.entityType(), row.entityId(), label, patch));
                    }
                }
            }
        }
        return new UndoPlan(transaction, steps, null);
    }

    private void apply(Actor actor, UndoStep step) {
        UUID id = step.entityId();
        switch (step.kind()) {
            case REMOVE -> {
                switch (step.entityType()) {
                    case "contact" -> contacts.delete(actor, id);
                    case "company" -> companies.delete(actor, id);
                    case "deal" -> deals.delete(actor, id);
                    case "interaction" -> interactions.delete(actor, id);
                    default -> tasks.delete(actor, id);
                }
            }
            case RESTORE -> {
                switch (step.entityType()) {
                    case "contact" -> contacts.restore(actor, id);
                    case "company" -> companies.restore(actor, id);
                    case "deal" -> deals.restore(actor, id);
                    default -> interactions.restore(actor, id);
                }
            }
            case REVERT -> {
                switch (step.entityType()) {
                    case "contact" -> contacts.update(actor, id, step.patch());
                    case "company" -> companies.update(actor, id, step.patch());
                    case "deal" -> deals.update(actor, id, step.patch());
                    case "interaction" -> interactions.update(actor, id, step.patch());
                    default -> tasks.update(actor, id, step.patch());
                }
            }
            case MOVE_BACK -> interactions.move(actor, id, UUID.fromString((String) step.patch().get("contactId")));
        }
    }

    private static String whyNot(AuditRow row) {
        return switch (row.action()) {
            case "interaction.annotate" -> "That sent (or queued) an email, and an email cannot be called back.";
            case "contact.merge", "contact.merged_away" -> "Merging contacts cannot be undone from chat.";
            case "task.delete" -> "A deleted task cannot be brought back.";
            default -> "That change (" + row.action() + ") cannot be undone from chat.";
        };
    }

    /** Who changed the record after this row, outside the transactions the undo may ignore; null if nobody. */
    private static String laterChange(Handle handle, Actor actor, AuditRow row, Set<String> ignored) {
        List<Map<String, Object>> later = handle.createQuery("""
                        select a.transaction_id::text as transaction_id, coalesce(a.on_behalf_of, a.actor_id) as person,
                               coalesce(nullif(u.full_name, ''), u.email) as name
                          from audit_log a left join users u on u.id = coalesce(a.on_behalf_of, a.actor_id)
                         where a.entity_type = :type and a.entity_id = :id and a.id > :after
                         order by a.id""")
                .bind("type", row.entityType()).bind("id", row.entityId()).bind("after", row.id())
                .mapToMap().list();
        for (Map<String, Object> change : later) {
            if (ignored.contains((String) change.get("transaction_id"))) continue;
            Object person = change.get("person");
            if (actor.userId().equals(person)) return "by you elsewhere";
            return person == null ? "by a workflow or an import" : "by " + change.get("name");
        }
        return null;
    }

    /** Whether live records not written by the change itself refer to this one. */
    private static boolean attached(Handle handle, String type, UUID id, Set<UUID> written) {
        String sql = switch (type) {
            case "contact" -> """
                    select exists (select 1 from interactions where contact_id = :id and deleted_at is null and id <> all(:written))
                        or exists (select 1 from deals where contact_id = :id and deleted_at is null and id <> all(:written))
                        or exists (select 1 from tasks where contact_id = :id and id <> all(:written))""";
            case "company" -> """
                    select exists (select 1 from contacts where company_id = :id and deleted_at is null and id <> all(:written))
                        or exists (select 1 from deals where company_id = :id and deleted_at is null and id <> all(:written))""";
            case "deal" -> """
                    select exists (select 1 from interactions where deal_id = :id and deleted_at is null and id <> all(:written))
                        or exists (select 1 from tasks where deal_id = :id and id <> all(:written))""";
            default -> null;
        };
        return sql != null && handle.createQuery(sql).bind("id", id).bind("written", written.toArray(UUID[]::new))
                .mapTo(Boolean.class).one();
    }

    /** The previous values of an update's changed fields, named as the services' patches name them. */
    private static Map<String, Object> previousValues(Handle handle, Actor actor, AuditRow row) {
        Map<String, Object> patch = new LinkedHashMap<>();
        row.diff().forEach((column, change) -> {
            if (DERIVED.contains(column) || !(change instanceof List<?> pair) || pair.size() != 2) return;
            Object before = pair.get(0);
            switch (column) {
                case "done_at" -> patch.put("done", before != null);
                case "due_at" -> patch.put("dueAt", before == null ? null : dueText(handle, actor, row, (String) before));
                case "custom" -> patch.put("custom", restoring(before, pair.get(1)));
                default -> patch.put(camel(column), before);
            }
        });
        return patch;
    }

    /** An all-day task's day in the user's zone (the service reads a bare date that way), else the instant. */
    private static String dueText(Handle handle, Actor actor, AuditRow row, String before) {
        Object allDay = row.diff().get("all_day");
        boolean wasAllDay = allDay instanceof List<?> pair ? Boolean.TRUE.equals(pair.get(0))
                : handle.createQuery("select all_day from tasks where id = :id").bind("id", row.entityId())
                        .mapTo(Boolean.class).findOne().orElse(false);
        if (!wasAllDay) return before;
        String zone = handle.createQuery("select timezone from users where id = :id").bind("id", actor.userId())
                .mapTo(String.class).findOne().orElse("UTC");
        try {
            return LocalDate.ofInstant(Instant.parse(before), ZoneId.of(zone)).toString();
        } catch (DateTimeException e) {
            return LocalDate.ofInstant(Instant.parse(before), ZoneId.of("UTC")).toString();
        }
    }

    /** Custom attributes merge key by key: keys the change added are cleared, the rest get their old values. */
    private static Map<String, Object> restoring(Object before, Object after) {
        Map<String, Object> patch = new LinkedHashMap<>();
        if (after instanceof Map<?, ?> added) added.keySet().forEach(key -> patch.put(String.valueOf(key), null));
        if (before instanceof Map<?, ?> old) old.forEach((key, value) -> patch.put(String.valueOf(key), value));
        return patch;
    }

    private static String previous(Object change) {
        return change instanceof List<?> pair ? String.valueOf(pair.get(0)) : null;
    }

    private static String camel(String column) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }

    private static String label(Handle handle, String type, UUID id) {
        String sql = switch (type) {
            case "contact" -> "select coalesce(nullif(trim(first_name || ' ' || last_name), ''), email) from contacts where id = :id";
            case "company", "deal" -> "select name from " + (type.equals("deal") ? "deals" : "companies") + " where id = :id";
            case "interaction" -> """
                    select i.type || ' with ' || coalesce(nullif(trim(c.first_name || ' ' || c.last_name), ''), c.email)
                      from interactions i join contacts c on c.id = i.contact_id where i.id = :id""";
            case "task" -> "select title from tasks where id = :id";
            default -> null;
        };
        String name = sql == null ? null : handle.createQuery(sql).bind("id", id).mapTo(String.class).findOne().orElse(null);
        return name == null ? id.toString() : "'" + name + "'";
    }

    private static String pendingProposal(Handle handle, List<AuditRow> rows) {
        for (AuditRow row : rows) {
            if (!row.is("proposal.create")) continue;
            boolean pending = handle.createQuery("select status = 'pending' and expires_at > now() from proposals where id = :id")
                    .bind("id", row.entityId()).mapTo(Boolean.class).findOne().orElse(false);
            if (pending) return String.valueOf(row.diff().getOrDefault("summary", "an action"));
        }
        return null;
    }
}
