package io.intelligencecrm.knowledge.store;

import java.util.UUID;

/**
 * A stored chunk found by a search.
 *
 * @param similarity cosine similarity to the query, -1 to 1 (higher is closer)
 * @param score      the ranking score: the similarity for vector search, reciprocal-rank fusion of
 *                   the semantic and keyword ranks for hybrid search
 */
public record VectorMatch(UUID embeddingId, String sourceType, UUID sourceId, UUID contactId, int chunk,
                          String section, String text, double similarity, double score) {
}
