package io.intelligencecrm.scoring;

import java.time.Instant;
import java.util.UUID;

/** A "rescore all" run: running, succeeded or failed, with how many of how many leads are done. */
public record RescoreJob(UUID id, String status, int total, int done, String error, Instant startedAt,
                         Instant finishedAt) {
}
