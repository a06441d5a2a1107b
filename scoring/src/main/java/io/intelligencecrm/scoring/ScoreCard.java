package io.intelligencecrm.scoring;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A contact's current score with its explanation and how it moved over time.
 *
 * @param latest  null when the contact was never scored
 * @param history newest first
 */
public record ScoreCard(UUID contactId, String name, ScoredLead latest, List<Point> history) {

    public record Point(double score, String modelVersion, Instant calculatedAt) {
    }
}
