package io.intelligencecrm.scoring.model;

import io.intelligencecrm.scoring.similarity.Neighbour;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * k-fold cross-validation over a tenant's closed leads: each fold is scored by a model trained,
 * end to end (field values, evidence tables, regression, similar leads), on the other folds only.
 */
public final class Backtest {
    public static final int FOLDS = 5;

    private Backtest() {
    }

    /** @param similar closed leads similar to each closed lead; each fold only sees those in its training folds */
    public static BacktestReport run(List<LeadFacts> closed, Map<UUID, List<Neighbour>> similar) {
        int n = closed.size();
        double[] predicted = new double[n];
        boolean[] won = new boolean[n];
        int[] fold = new int[n];
        int wins = 0;
        for (int i = 0; i < n; i++) {
            // Spread by a hash other than the trainer's inner folds, so the two splits are independent.
            fold[i] = Math.floorMod(Long.hashCode(closed.get(i).contactId().getLeastSignificantBits() * 31), FOLDS);
            won[i] = closed.get(i).outcome() == Outcome.WON;
            if (won[i]) wins++;
        }
        for (int f = 0; f < FOLDS; f++) {
            List<LeadFacts> training = new ArrayList<>();
            Map<UUID, Outcome> trainingOutcomes = new HashMap<>();
            for (int i = 0; i < n; i++) {
                if (fold[i] != f) {
                    training.add(closed.get(i));
                    trainingOutcomes.put(closed.get(i).contactId(), closed.get(i).outcome());
                }
            }
            if (training.isEmpty()) continue;
            LeadModel model = ModelTrainer.train(training, similar, 0, Instant.EPOCH);
            for (int i = 0; i < n; i++) {
                if (fold[i] != f) continue;
                LeadFacts lead = closed.get(i);
                predicted[i] = model.probability(lead, similar.getOrDefault(lead.contactId(), List.of()),
                        trainingOutcomes);
            }
        }
        double rate = n == 0 ? 0 : (double) wins / n;
        double[] constant = new double[n];
        Arrays.fill(constant, rate);
        return new BacktestReport(FOLDS, n, wins, Metrics.round(Metrics.auc(predicted, won)),
                Metrics.round(Metrics.brier(predicted, won)), Metrics.round(Metrics.brier(constant, won)),
                Metrics.calibration(predicted, won));
    }
}
