package io.intelligencecrm.scoring.model;

import java.util.List;

/**
 * How well the model predicted closed leads it had not seen (k-fold cross-validation).
 *
 * @param auc         chance that a won lead scored above a lost one (0.5 = guessing, 1 = perfect)
 * @param brier       mean squared error of the probabilities (lower is better)
 * @param baseBrier   the Brier score of always predicting the overall win rate, for comparison
 */
public record BacktestReport(int folds, int leads, int won, double auc, double brier, double baseBrier,
                             List<CalibrationBin> calibration) {
}
