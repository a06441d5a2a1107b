package io.intelligencecrm.scoring;

import java.time.Instant;
import java.util.UUID;

/** An open lead in a list ordered by score, with the one reason that lifts it most. */
public record RankedLead(UUID contactId, String name, String company, String stage, double score,
                         Instant lastTouch, String topReason) {
}
