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
 * Learns a {@link LeadModel} from closed leads. The evidence tables a training lead is described
 * with are counted without that lead (out-of-fold), so the regression learns how far to trust the
 * tables on leads they have not seen — which is how they will be used on open leads.
 */
public final class ModelTrainer {
    /** Regularisation strength on standardised features; tuned on synthetic data (docs/benchmarks.md, "Scoring"). */
    static final double LAMBDA = 2.0;
    static final int INNER_FOLDS = 5;
    public static final int NEIGHBOURS = 20;

    private ModelTrainer() {
    }

    /**
     * @param similar closed leads similar to each training lead; any not among {@code closed} are ignored
     */
    public static LeadModel train(List<LeadFacts> closed, Map<UUID, List<Neighbour>> similar, int version,
                                  Instant trainedAt) {
        int n = closed.size();
        boolean[] won = new boolean[n];
        List<Outcome> outcomes = new ArrayList<>(n);
        Map<UUID, Outcome> byId = new HashMap<>();
        int wins = 0;
        for (int i = 0; i < n; i++) {
            LeadFacts lead = closed.get(i);
            won[i] = lead.outcome() == Outcome.WON;
            if (won[i]) wins++;
            outcomes.add(lead.outcome());
            byId.put(lead.contactId(), lead.outcome());
        }
        double baseRate = (wins + 1.0) / (n + 2.0);
        FieldSchema schema = FieldSchema.learn(closed);
        List<Map<String, String>> values = closed.stream().map(schema::values).toList();
        List<String> fields = schema.fieldNames();

        int fieldCount = fields.size();
        int d = fieldCount + Engagement.NAMES.size() + 1;
        double[][] x = new double[n][];
        int[] fold = new int[n];
        for (int i = 0; i < n; i++) fold[i] = Math.floorMod(closed.get(i).contactId().hashCode(), INNER_FOLDS);
        for (int f = 0; f < INNER_FOLDS; f++) {
            List<Map<String, String>> otherValues = new ArrayList<>();
            List<Outcome> otherOutcomes = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (fold[i] != f) {
                    otherValues.add(values.get(i));
                    otherOutcomes.add(outcomes.get(i));
                }
            }
            List<EvidenceTable> tables = tables(fields, otherValues, otherOutcomes, baseRate);
            for (int i = 0; i < n; i++) {
                if (fold[i] != f) continue;
                LeadFacts lead = closed.get(i);
                x[i] = LeadModel.raw(tables, values.get(i), lead, similar.getOrDefault(lead.contactId(), List.of()),
                        byId, baseRate, NEIGHBOURS);
            }
        }
        double[] means = new double[d];
        double[] scales = new double[d];
        double[] lows = new double[d];
        double[] highs = new double[d];
        Arrays.fill(lows, Double.POSITIVE_INFINITY);
        Arrays.fill(highs, Double.NEGATIVE_INFINITY);
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                lows[j] = Math.min(lows[j], row[j]);
                highs[j] = Math.max(highs[j], row[j]);
            }
        }
        for (double[] row : x) for (int j = 0; j < d; j++) means[j] += row[j] / n;
        for (double[] row : x) for (int j = 0; j < d; j++) scales[j] += (row[j] - means[j]) * (row[j] - means[j]) / n;
        for (int j = 0; j < d; j++) scales[j] = scales[j] < 1e-12 ? 1 : Math.sqrt(scales[j]);
        double[][] standardised = new double[n][d];
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) standardised[i][j] = (x[i][j] - means[j]) / scales[j];
        double[] weights = LogisticRegression.fit(standardised, won, LAMBDA);

        List<String> features = new ArrayList<>(fields);
        features.addAll(Engagement.NAMES);
        features.add(LeadModel.SIMILAR);
        return new LeadModel(version, trainedAt, n, wins, baseRate, schema, tables(fields, values, outcomes, baseRate),
                features, means, scales, lows, highs, weights, NEIGHBOURS, null);
    }

    private static List<EvidenceTable> tables(List<String> fields, List<Map<String, String>> values,
                                              List<Outcome> outcomes, double baseRate) {
        List<EvidenceTable> tables = new ArrayList<>(fields.size());
        for (String field : fields) tables.add(EvidenceTable.count(field, values, outcomes, baseRate));
        return tables;
    }
}
