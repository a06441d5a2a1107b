package io.intelligencecrm.knowledge.documents;

import java.time.Instant;
import java.util.UUID;

/** A document in the tenant's knowledge base, without its bytes. */
public record KnowledgeDocument(UUID id, String title, String filename, String contentType, int sizeBytes,
                                String status, String error, int chunkCount, UUID uploadedBy, Instant createdAt,
                                Instant indexedAt) {
}
