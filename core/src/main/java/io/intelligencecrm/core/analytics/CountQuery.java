package io.intelligencecrm.core.analytics;

import java.time.Instant;
import java.util.UUID;

/**
 * What to count; null filters mean "any".
 *
 * @param ownerId     owner (contacts, companies, deals), author (interactions) or assignee (tasks)
 * @param stage       lifecycle stage (contacts) or pipeline stage (deals), as stored
 * @param companyId   contacts, deals and interactions with the company's contacts
 * @param open        deals not won or lost yet; tasks not done
 * @param createdFrom created (interactions: happened) at or after
 * @param createdTo   created (interactions: happened) before
 */
public record CountQuery(RecordKind kind, UUID ownerId, String stage, UUID companyId, Boolean open,
                         Instant createdFrom, Instant createdTo) {
}
