package io.intelligencecrm.scoring;

import java.time.Instant;
import java.util.UUID;

/** A lead's score (0-100) with its explanation. */
public record ScoredLead(UUID contactId, String name, double score, ScoreExplanation explanation,
                         Instant calculatedAt) {
}
