package io.intelligencecrm.core.contact;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Filters of the contact list; null means "any". {@code q} matches every word against name, email,
 * phone and company name. {@code custom} matches custom attributes by equality.
 *
 * @param sort one of created (default), updated, name, score
 * @param deleted true lists the trash instead of live contacts
 * @param notContactedSince only contacts created before this instant with no interaction since
 */
public record ContactQuery(String q, UUID ownerId, LifecycleStage stage, UUID companyId, Instant createdFrom,
                           Instant createdTo, Instant updatedFrom, Instant updatedTo, Boolean hasEmail,
                           BigDecimal scoreMin, BigDecimal scoreMax, Map<String, String> custom, String sort,
                           Boolean descending, String cursor, Integer limit, boolean deleted,
                           Instant notContactedSince) {

    /** Without the contact-activity filter, which only the agent's tools use so far. */
    public ContactQuery(String q, UUID ownerId, LifecycleStage stage, UUID companyId, Instant createdFrom,
                        Instant createdTo, Instant updatedFrom, Instant updatedTo, Boolean hasEmail,
                        BigDecimal scoreMin, BigDecimal scoreMax, Map<String, String> custom, String sort,
                        Boolean descending, String cursor, Integer limit, boolean deleted) {
        this(q, ownerId, stage, companyId, createdFrom, createdTo, updatedFrom, updatedTo, hasEmail, scoreMin, scoreMax,
                custom, sort, descending, cursor, limit, deleted, null);
    }

    public static ContactQuery all() {
        return new ContactQuery(null, null, null, null, null, null, null, null, null, null, null, Map.of(), null,
                null, null, null, false);
    }

    public ContactQuery withText(String text) {
        return new ContactQuery(text, ownerId, stage, companyId, createdFrom, createdTo, updatedFrom, updatedTo,
                hasEmail, scoreMin, scoreMax, custom, sort, descending, cursor, limit, deleted, notContactedSince);
    }

    public ContactQuery withLimit(Integer newLimit) {
        return new ContactQuery(q, ownerId, stage, companyId, createdFrom, createdTo, updatedFrom, updatedTo,
                hasEmail, scoreMin, scoreMax, custom, sort, descending, cursor, newLimit, deleted, notContactedSince);
    }

    public ContactQuery withCursor(String newCursor) {
        return new ContactQuery(q, ownerId, stage, companyId, createdFrom, createdTo, updatedFrom, updatedTo,
                hasEmail, scoreMin, scoreMax, custom, sort, descending, newCursor, limit, deleted, notContactedSince);
    }
}
