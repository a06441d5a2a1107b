package io.intelligencecrm.webhooks.event;

import io.intelligencecrm.core.company.CompanyDao;
import io.intelligencecrm.core.contact.ContactDao;
import io.intelligencecrm.core.deal.DealDao;
import io.intelligencecrm.core.events.RecordChange;
import io.intelligencecrm.core.interaction.InteractionDao;
import io.intelligencecrm.core.task.TaskService;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.CaseStrategy;
import org.jdbi.v3.core.mapper.MapMappers;

/**
 * Reads what an event is about inside the fan-out's tenant transaction. A record that no longer exists
 * (an erased person, their interactions) gives nothing, so nothing is queued about it. The person the
 * record names is locked for share until the deliveries are stored: an erasure running at the same
 * time waits, then redacts them, or runs first and leaves nothing to read.
 */
public final class EventSubjects {
    private EventSubjects() {
    }

    public static Optional<EventSubject> read(Handle handle, RecordChange change) {
        Optional<EventSubject> subject = current(handle, change);
        // Tasks are deleted for good: the event says which one, by id alone.
        if (subject.isEmpty() && change.entityType().equals("task") && change.action().equals("deleted")) {
            return Optional.of(new EventSubject("task", change.entityId(), null, null));
        }
        return subject;
    }

    private static Optional<EventSubject> current(Handle handle, RecordChange change) {
        UUID id = change.entityId();
        return switch (change.entityType()) {
            case "contact" -> handle.attach(ContactDao.class).find(id).filter(contact -> present(handle, contact.id()))
                    .map(contact -> new EventSubject("contact", id, contact, contact.id()));
            case "interaction" -> handle.attach(InteractionDao.class).find(id)
                    .filter(interaction -> present(handle, interaction.contactId()))
                    .map(interaction -> new EventSubject("interaction", id, interaction, interaction.contactId()));
            case "deal" -> handle.attach(DealDao.class).find(id).filter(deal -> present(handle, deal.contactId()))
                    .map(deal -> new EventSubject("deal", id, deal, deal.contactId()));
            case "company" -> handle.attach(CompanyDao.class).find(id)
                    .map(company -> new EventSubject("company", id, company, null));
            case "task" -> TaskService.find(handle, id)
                    .filter(task -> present(handle, task.contactId()))
                    .map(task -> new EventSubject("task", id, task, task.contactId()));
            case "proposal" -> summary(handle, "proposal", id, """
                    select id, action, status, user_id as "userId", conversation_id as "conversationId",
                           created_at as "createdAt", decided_at as "decidedAt"
                      from proposals where id = :id""");
            case "workflow_run" -> summary(handle, "workflow_run", id, """
                    select r.id, r.workflow_id as "workflowId", w.name as "workflowName", r.status,
                           r.started_at as "startedAt", r.finished_at as "finishedAt"
                      from workflow_runs r join workflows w on w.tenant_id = r.tenant_id and w.id = r.workflow_id
                     where r.id = :id""");
            default -> Optional.empty();
        };
    }

    /** False when the named person is gone (erased) or being erased right now, which this waits for. */
    private static boolean present(Handle handle, UUID contactId) {
        if (contactId == null) return true;
        return handle.createQuery("select true from contacts where id = :id for share").bind("id", contactId)
                .mapTo(Boolean.class).findOne().isPresent();
    }

    private static Map<String, Object> instants(Map<String, Object> row) {
        Map<String, Object> fields = new LinkedHashMap<>();
        row.forEach((column, value) -> fields.put(column, value instanceof Timestamp time ? time.toInstant() : value));
        return fields;
    }

    /** Proposals and runs are announced by their state, never their arguments or inputs (which name people). */
    private static Optional<EventSubject> summary(Handle handle, String type, UUID id, String sql) {
        return handle.createQuery(sql).bind("id", id)
                .configure(MapMappers.class, mappers -> mappers.setCaseChange(CaseStrategy.NOP)).mapToMap().findOne()
                .map(row -> new EventSubject(type, id, instants(row), null));
    }
}
