package io.intelligencecrm.scoring;

import java.time.Instant;
import java.util.UUID;

/**
 * A background retrain-and-rescore of every open lead.
 *
 * @param phase  training (the model and its backtest are being fitted), scoring (open leads are being
 *               scored: {@code done} of {@code total}) or finished
 * @param step   what the current phase is doing, e.g. "fitting the model and its backtest: 3 of 6 fits done"
 * @param reason why it runs: asked for by someone, or outcomes changed a lot since the last training
 */
public record RescoreJob(UUID id, String status, String phase, String step, int total, int done, String error,
                         String reason, Instant startedAt, Instant finishedAt) {
}
