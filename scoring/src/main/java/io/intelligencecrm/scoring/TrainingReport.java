package io.intelligencecrm.scoring;

import io.intelligencecrm.scoring.model.BacktestReport;
import java.time.Instant;

/**
 * What the tenant's scores currently rest on.
 *
 * @param method   "logistic" when learned from the tenant's closed leads, "prior" before there are enough
 * @param backtest null for the prior
 * @param note     in words: what was learned from, or what is missing before learning starts
 */
public record TrainingReport(String modelVersion, String method, Instant trainedAt, int closedLeads, int wonLeads,
                             BacktestReport backtest, String note) {
}
