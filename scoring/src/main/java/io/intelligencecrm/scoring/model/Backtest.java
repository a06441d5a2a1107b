package io.intelligencecrm.scoring.model;

import java.util.Arrays;

/**
 * k-fold cross-validation over a tenant's closed leads: each fold is scored by a model trained, end
 * to end (evidence tables, regression, similar leads), on the other folds only. The folds are
 * fitted by {@link ModelTrainer#trainWithBacktest}; this sums up how their predictions did.
 */
public final class Backtest {
    public static final int FOLDS = 5;

    private Backtest() {
    }

    static BacktestReport report(double[] predicted, boolean[] won) {
        int n = predicted.length;
        int wins = 0;
        for (boolean w : won) if (w) wins++;
        double rate = n == 0 ? 0 : (double) wins / n;
        double[] constant = new double[n];
        Arrays.fill(constant, rate);
        return new BacktestReport(FOLDS, n, wins, Metrics.round(Metrics.auc(predicted, won)),
                Metrics.round(Metrics.brier(predicted, won)), Metrics.round(Metrics.brier(constant, won)),
                Metrics.calibration(predicted, won));
    }
}
