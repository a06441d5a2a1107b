package io.intelligencecrm.scoring;

import java.util.UUID;

/** A closed lead like the one scored, as shown beside its score. */
public record SimilarLead(UUID contactId, String name, String outcome, double similarity) {
}
