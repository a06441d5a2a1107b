package io.intelligencecrm.scoring;

/**
 * How much a score can be trusted: the backtest of the model that made it.
 *
 * @param auc   null for the cold-start prior, which has no backtest
 * @param note  in words, e.g. why confidence is low
 */
public record ModelQuality(Double auc, Double brier, int closedLeads, int wonLeads, String note) {
}
