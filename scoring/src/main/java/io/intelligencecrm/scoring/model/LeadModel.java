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
 * <p>A score is explained against the average lead — one whose every value wins at the overall
 * rate, with the average engagement and no telling look-alikes: each factor is the log-odds it
 * adds to or takes from that lead, which stays readable at any score (points would shrink to
 * nothing near 0 and 100).
 *
 * @param format      {@link #FORMAT}; models stored in an older format are not used
 * @param features    feature names: the schema's fields, then {@link Engagement#NAMES}, then {@link #SIMILAR}
 * @param lows        the smallest value of each feature among the training leads (and its reference)
 * @param highs       the largest; values outside are clipped, so a lead unlike any seen is not extrapolated wildly
 * @param refs        each feature's value for the average lead
 * @param weights     intercept first, then one weight per standardised feature
 * @param wonAverages each feature's average over won training leads (for engagement: on the model's scale)
 * @param importance  each feature's average absolute contribution over the training leads
 * @param neighbours  how many similar closed leads the similarity evidence looks at
 * @param dropped     features left out, and why
 */
public record LeadModel(int format, int version, Instant trainedAt, int closedLeads, int wonLeads, double baseRate,
                        FieldSchema schema, List<EvidenceTable> tables, List<String> features, double[] means,
                        double[] scales, double[] lows, double[] highs, double[] refs, double[] weights,
                        double[] wonAverages, double[] lostAverages, double[] importance, int neighbours,
                        BacktestReport backtest, List<DroppedFeature> dropped) {
    public static final int FORMAT = 2;
    public static final String SIMILAR = "similar_closed_leads";
    /** How many factors a prediction describes, largest effect first. */
    public static final int EXPLAINED = 8;
    /** Smaller contributions than this (odds changed by under 2%) are not worth a line. */
    static final double NEGLIGIBLE = 0.02;

    public String versionLabel() {
        return "logistic-" + version;
    }

    /** The same model as stored: with its version number and its backtest. */
    public LeadModel numbered(int newVersion, BacktestReport report) {
        return new LeadModel(format, newVersion, trainedAt, closedLeads, wonLeads, baseRate, schema, tables, features,
                means, scales, lows, highs, refs, weights, wonAverages, lostAverages, importance, neighbours, report,
                dropped);
    }

    /** The chance of winning of the average lead, which every factor is measured from. */
    public double baseline() {
        double z = weights[0];
        for (int j = 0; j < means.length; j++) z += weights[j + 1] * (refs[j] - means[j]) / scales[j];
        return LogisticRegression.sigmoid(z);
    }

    private double[] raw(Map<String, String> values, LeadFacts lead, List<Neighbour> similar, Map<UUID, Outcome> outcomes) {
        double[] x = new double[features.size()];
        int j = 0;
        for (EvidenceTable table : tables) x[j++] = table.evidence(values.get(table.field()));
        for (String measure : Engagement.NAMES) x[j++] = Engagement.transformed(measure, lead.engagement(measure));
        x[j] = SimilarityEvidence.evidence(similar, outcomes, baseRate, neighbours);
        return x;
    }

    /** The probability alone, without building the explanation. */
    public double probability(LeadFacts lead, List<Neighbour> similar, Map<UUID, Outcome> outcomes) {
        double[] x = raw(schema.values(lead), lead, similar, outcomes);
        double z = Math.log(baseline() / (1 - baseline()));
        for (int j = 0; j < x.length; j++) z += contribution(j, x[j]);
        return LogisticRegression.sigmoid(z);
    }

    /** Log-odds the value adds to the average lead's. */
    private double contribution(int j, double value) {
        double clipped = Math.min(Math.max(value, lows[j]), highs[j]);
        return weights[j + 1] * (clipped - refs[j]) / scales[j];
    }

    public Prediction predict(LeadFacts lead, List<Neighbour> similar, Map<UUID, Outcome> outcomes) {
        Map<String, String> values = schema.values(lead);
        double[] x = raw(values, lead, similar, outcomes);
        double base = baseline();
        double z = Math.log(base / (1 - base));
        double[] contributions = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            contributions[j] = contribution(j, x[j]);
            z += contributions[j];
        }
        // Only the strongest few are ever shown; describing the rest would cost time on every lead.
        Integer[] order = new Integer[x.length];
        for (int j = 0; j < x.length; j++) order[j] = j;
        Arrays.sort(order, Comparator.comparingDouble((Integer j) -> Math.abs(contributions[j])).reversed());
        List<Factor> factors = new ArrayList<>();
        for (int j : order) {
            if (factors.size() >= EXPLAINED || Math.abs(contributions[j]) < NEGLIGIBLE) break;
            factors.add(factor(j, values, lead, similar, outcomes, contributions[j]));
        }
        return new Prediction(LogisticRegression.sigmoid(z), base, factors);
    }

    private Factor factor(int j, Map<String, String> values, LeadFacts lead, List<Neighbour> similar,
                          Map<UUID, Outcome> outcomes, double contribution) {
        String feature = features.get(j);
        double c = Metrics.round(contribution);
        String effect = Factor.effect(contribution);
        if (j < tables.size()) {
            EvidenceTable table = tables.get(j);
            String value = values.get(table.field());
            int seen = table.seen(value);
            int won = table.won(value);
            boolean missing = FieldSchema.NONE.equals(value);
            String label = missing ? String.join(" and ", schema.group(table.field()).stream().map(schema::label).toList())
                    + ": not given" : schema.label(table.field()) + ": " + value;
            String detail = won + " of " + seen + " closed leads " + (missing ? "without it" : "with this value")
                    + " were won, " + percent((double) won / seen) + " against " + percent(baseRate) + " overall";
            return new Factor(feature, "field", label, c, effect, detail, FactorEvidence.rate(won, seen, baseRate));
        }
        if (feature.equals(SIMILAR)) {
            int won = 0;
            int closed = 0;
            double wonWeight = 0;
            double all = 0;
            for (Neighbour neighbour : similar) {
                Outcome outcome = outcomes.get(neighbour.contactId());
                if (outcome == null || !outcome.closed() || neighbour.similarity() <= 0) continue;
                if (closed++ >= neighbours) break;
                all += neighbour.similarity();
                if (outcome == Outcome.WON) {
                    won++;
                    wonWeight += neighbour.similarity();
                }
            }
            closed = Math.min(closed, neighbours);
            return new Factor(feature, "similarity", "similar closed leads: " + won + " of " + closed + " won", c, effect,
                    "counting closer ones more, " + percent(wonWeight / all) + " were won; " + percent(baseRate)
                            + " of all closed leads were", FactorEvidence.similar(won, closed, wonWeight / all, baseRate));
        }
        double value = lead.engagement(feature);
        double average = Engagement.original(feature, refs[j]);
        double wonAverage = Engagement.original(feature, wonAverages[j]);
        double lostAverage = Engagement.original(feature, lostAverages[j]);
        return new Factor(feature, "engagement", Engagement.describe(feature) + ": " + Engagement.show(feature, value), c,
                effect, Engagement.compare(feature, average, wonAverage, lostAverage),
                FactorEvidence.measure(value, average, wonAverage, lostAverage, baseRate));
    }

    /** How a feature reads for people: a field's column label, an engagement measure's description. */
    static String labelOf(String feature, FieldSchema schema) {
        if (feature.equals(SIMILAR)) return "similar closed leads";
        if (Engagement.NAMES.contains(feature)) return Engagement.describe(feature);
        return schema.label(feature);
    }

    private static String percent(double rate) {
        return String.format(Locale.ROOT, "%.0f%%", rate * 100);
    }
}
