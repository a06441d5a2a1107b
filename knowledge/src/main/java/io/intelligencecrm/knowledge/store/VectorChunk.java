package io.intelligencecrm.knowledge.store;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * One piece of text to remember: a record's profile, an interaction, or a section of a document.
 *
 * @param contactId the contact it is about, when there is one (profiles, interactions)
 * @param chunk     position within its source (long texts are split)
 * @param section   where in a document it comes from ("Pricing > Discounts", "page 3"), else null
 * @param context   stored and keyword-searchable but not embedded: who and when ("Call with Jane Doe on
 *                  2026-11-20"), which would otherwise pull every call towards every other call
 * @param text      what the embedding is made from
 */
public record VectorChunk(String sourceType, UUID sourceId, UUID contactId, int chunk, String section, String context,
                          String text) {

    public VectorChunk(String sourceType, UUID sourceId, UUID contactId, int chunk, String section, String text) {
        this(sourceType, sourceId, contactId, chunk, section, "", text);
    }

    /** The text kept with the vector: context first, then the embedded text. */
    public String stored() {
        return context.isEmpty() ? text : context + "\n" + text;
    }

    /** Stable per source and position, so re-embedding a source overwrites its rows. */
    public UUID embeddingId() {
        return UUID.nameUUIDFromBytes((sourceType + ":" + sourceId + ":" + chunk).getBytes(StandardCharsets.UTF_8));
    }
}
