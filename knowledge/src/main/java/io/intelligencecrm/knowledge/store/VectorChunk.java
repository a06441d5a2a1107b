package io.intelligencecrm.knowledge.store;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * One piece of text to remember: a record's profile, an interaction, or a section of a document.
 *
 * @param contactId the contact it is about, when there is one (profiles, interactions)
 * @param chunk     position within its source (long texts are split)
 * @param section   where in a document it comes from ("Pricing > Discounts", "page 3"), else null
 */
public record VectorChunk(String sourceType, UUID sourceId, UUID contactId, int chunk, String section, String text) {

    /** Stable per source and position, so re-embedding a source overwrites its rows. */
    public UUID embeddingId() {
        return UUID.nameUUIDFromBytes((sourceType + ":" + sourceId + ":" + chunk).getBytes(StandardCharsets.UTF_8));
    }
}
