package io.intelligencecrm.webhooks.event;

import java.util.UUID;

/**
 * The record an event is about, as it reads when the event is fanned out.
 *
 * @param record    the record's fields (the REST API's representation, or a summary for proposals and runs)
 * @param contactId the person the fields name, if any: erasing them redacts the stored deliveries
 */
public record EventSubject(String recordType, UUID recordId, Object record, UUID contactId) {
}
