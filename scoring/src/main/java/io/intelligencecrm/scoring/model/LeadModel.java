package io.intelligencecrm.scoring.model;

import io.intelligencecrm.scoring.similarity.Neighbour;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A tenant's trained scoring model: evidence tables of its fields, scaling of its engagement
 * measures, and the logistic regression weighing them with the similar-leads evidence. Immutable
 * and stored as JSON, so a score can always be traced to the model that made it.
 *
 * @param features   feature names: the schema's fields, then {@link Engagement#NAMES}, then {@link #SIMILAR}
 * @param lows       the smallest value of each feature among the training leads
 * @param highs      the largest; values outside are clipped, so a lead unlike any seen is not extrapolated wildly
 * @param weights    intercept first, then one weight per standardised feature
 * @param neighbours how many similar closed leads the similarity evidence looks at
 */
public record LeadModel(int version, Instant trainedAt, int closedLeads, int wonLeads, double baseRate,
                        FieldSchema schema, List<EvidenceTable> tables, List<String> features, double[] means,
                        double[] scales, double[] lows, double[] highs, double[] weights, int neighbours, BacktestReport backtest) {
    public static final String SIMILAR = "similar_closed_leads";
    /** How many factors a prediction describes, largest effect first. */
    public static final int EXPLAINED = 8;

    public String versionLabel() {
        return "logistic-" + version;
    }

    /** The same model as stored: with its version number and its backtest. */
    public LeadModel numbered(int newVersion, BacktestReport report) {
        return new LeadModel(newVersion, trainedAt, closedLeads, wonLeads, baseRate, schema, tables, features, means,
                scales, lows, highs, weights, neighbours, report);
    }

    /** Raw feature values, before standardising; {@code values} are the lead's field values in the schema. */
    static double[] raw(List<EvidenceTable> tables, Map<String, String> values, LeadFacts lead,
                        List<Neighbour> similar, Map<UUID, Outcome> outcomes, double baseRate, int k) {
        double[] x = new double[tables.size() + Engagement.NAMES.size() + 1];
        int j = 0;
        for (EvidenceTable table : tables) x[j++] = table.evidence(values.get(table.field()));
        for (String measure : Engagement.NAMES) x[j++] = Engagement.transformed(measure, lead.engagement(measure));
        x[j] = SimilarityEvidence.evidence(similar, outcomes, baseRate, k);
        return x;
    }

    /** The probability alone, without building the explanation (backtests score thousands of leads). */
    public double probability(LeadFacts lead, List<Neighbour> similar, Map<UUID, Outcome> outcomes) {
        double[] x = raw(tables, schema.values(lead), lead, similar, outcomes, baseRate, neighbours);
        double z = weights[0];
        for (int j = 0; j < x.length; j++) z += contribution(j, x[j]);
        return LogisticRegression.sigmoid(z);
    }

    private double contribution(int j, double value) {
        double clipped = Math.min(Math.max(value, lows[j]), highs[j]);
        return weights[j + 1] * (clipped - means[j]) / scales[j];
    }

    public Prediction predict(LeadFacts lead, List<Neighbour> similar, Map<UUID, Outcome> outcomes) {
        Map<String, String> values = schema.values(lead);
        double[] x = raw(tables, values, lead, similar, outcomes, baseRate, neighbours);
        double z = weights[0];
        double[] contributions = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            contributions[j] = contribution(j, x[j]);
            z += contributions[j];
        }
        double probability = LogisticRegression.sigmoid(z);
        // Only the strongest few are ever shown; describing the rest would cost time on every lead.
        Integer[] order = new Integer[x.length];
        for (int j = 0; j < x.length; j++) order[j] = j;
        Arrays.sort(order, Comparator.comparingDouble((Integer j) -> Math.abs(contributions[j])).reversed());
        List<Factor> factors = new ArrayList<>();
        for (int j : order) {
            if (factors.size() >= EXPLAINED || Math.abs(contributions[j]) < 1e-6) break;
            double points = 100 * (probability - LogisticRegression.sigmoid(z - contributions[j]));
            factors.add(factor(j, values, lead, similar, outcomes, contributions[j], points));
        }
        return new Prediction(probability, factors);
    }

    private Factor factor(int j, Map<String, String> values, LeadFacts lead, List<Neighbour> similar,
                          Map<UUID, Outcome> outcomes, double contribution, double points) {
        String feature = features.get(j);
        double c = Metrics.round(contribution);
        double p = Math.round(points * 10) / 10.0;
        if (j < tables.size()) {
            EvidenceTable table = tables.get(j);
            String value = values.get(table.field());
            int seen = table.seen(value);
            String detail = seen == 0 ? "no closed lead had this value"
                    : table.won(value) + " of " + seen + " closed leads with this value were won";
            return new Factor(feature, "field", FieldSchema.label(table.field()) + ": " + value, c, p, detail);
        }
        if (feature.equals(SIMILAR)) {
            int won = 0;
            int closed = 0;
            for (Neighbour neighbour : similar) {
                Outcome outcome = outcomes.get(neighbour.contactId());
                if (outcome == null || !outcome.closed() || closed >= neighbours) continue;
                closed++;
                if (outcome == Outcome.WON) won++;
            }
            return new Factor(feature, "similarity", "similar closed leads: " + won + " of " + closed + " won", c, p,
                    "weighted by how similar each is; the overall win rate is " + percent(baseRate));
        }
        double value = lead.engagement(feature);
        String shown = feature.equals(Engagement.NEVER_TOUCHED) ? (value > 0 ? "yes" : "no")
                : String.valueOf((long) Math.round(value));
        return new Factor(feature, "engagement", Engagement.describe(feature) + ": " + shown, c, p,
                "the average closed lead had " + averageOf(j));
    }

    private String averageOf(int j) {
        double mean = means[j];
        String feature = features.get(j);
        if (feature.equals(Engagement.NEVER_TOUCHED)) return percent(mean) + " without any interaction";
        // Means are on the log scale the model uses; back on the count scale they are a typical value.
        return String.format(Locale.ROOT, "about %.1f", Math.expm1(mean));
    }

    private static String percent(double rate) {
        return String.format(Locale.ROOT, "%.0f%%", rate * 100);
    }
}
