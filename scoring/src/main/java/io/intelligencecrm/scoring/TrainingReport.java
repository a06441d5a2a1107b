package io.intelligencecrm.scoring;

import io.intelligencecrm.scoring.model.BacktestReport;
import io.intelligencecrm.scoring.model.ColdStartPrior;
import io.intelligencecrm.scoring.model.DroppedFeature;
import io.intelligencecrm.scoring.model.Engagement;
import io.intelligencecrm.scoring.model.LeadModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the tenant's scores currently rest on.
 *
 * @param method        "logistic" when learned from the tenant's closed leads, "prior" before there are enough
 * @param backtest      null for the prior
 * @param note          in words: what was learned from, or what is missing before learning starts
 * @param baseline      the chance of winning of the average lead, which explanations measure from
 * @param features      the features the model uses, most important first
 * @param dropped       the ones it does not use, and why
 * @param missingValues the values treated as missing when it was trained
 */
public record TrainingReport(String modelVersion, String method, Instant trainedAt, int closedLeads, int wonLeads,
                             BacktestReport backtest, String note, Double baseline, List<FeatureWeight> features,
                             List<DroppedFeature> dropped, List<String> missingValues) {

    /**
     * A feature in use.
     *
     * @param kind       field, engagement or similarity
     * @param weight     log-odds per standard deviation of the feature
     * @param importance its share of all the model's evidence, averaged over the closed leads (0 to 1)
     * @param reads      which way it pushes, in words
     */
    public record FeatureWeight(String feature, String label, String kind, double weight, double importance,
                                String reads) {
    }

    static TrainingReport of(LeadModel model) {
        double total = 0;
        for (double value : model.importance()) total += value;
        List<FeatureWeight> features = new ArrayList<>();
        int fields = model.tables().size();
        for (int j = 0; j < model.features().size(); j++) {
            double weight = model.weights()[j + 1];
            if (weight == 0) continue;
            String feature = model.features().get(j);
            String kind = j < fields ? "field" : feature.equals(LeadModel.SIMILAR) ? "similarity" : "engagement";
            String reads = switch (kind) {
                case "field" -> "values that won more often than average raise the score";
                case "similarity" -> "look-alikes that were won raise the score";
                default -> (weight > 0 ? "more" : "less") + " than the average closed lead raises the score";
            };
            features.add(new FeatureWeight(feature, label(model, feature, j < fields), kind, round(weight),
                    total == 0 ? 0 : round(model.importance()[j] / total), reads));
        }
        features.sort(Comparator.comparingDouble(FeatureWeight::importance).reversed());
        return new TrainingReport(model.versionLabel(), "logistic", model.trainedAt(), model.closedLeads(),
                model.wonLeads(), model.backtest(), "learned from " + model.closedLeads() + " closed leads, "
                + model.wonLeads() + " of them won", round(model.baseline()), features, model.dropped(),
                List.copyOf(model.schema().missingTokens()));
    }

    static TrainingReport prior(Instant at, int closed, int won, String note) {
        return new TrainingReport(ColdStartPrior.VERSION, "prior", at, closed, won, null, note, null, List.of(),
                List.of(), List.of());
    }

    private static String label(LeadModel model, String feature, boolean field) {
        if (field) return model.schema().label(feature);
        return feature.equals(LeadModel.SIMILAR) ? "similar closed leads" : Engagement.describe(feature);
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
