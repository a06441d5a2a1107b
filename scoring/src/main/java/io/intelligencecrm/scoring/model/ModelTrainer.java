package io.intelligencecrm.scoring.model;

import io.intelligencecrm.scoring.similarity.Neighbour;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Learns a {@link LeadModel} from closed leads, with its k-fold backtest. The evidence tables a
 * training lead is described with are counted without that lead (out-of-fold), so the regression
 * learns how far to trust the tables on leads they have not seen — which is how they will be used on
 * open leads. Each weight keeps the sign its feature shows on its own (see {@link LogisticRegression}).
 */
public final class ModelTrainer {
    /** Regularisation strength on standardised features; tuned on synthetic data (docs/benchmarks.md, "Scoring"). */
    static final double LAMBDA = 2.0;
    static final int INNER_FOLDS = 5;
    /** The most a unit of field or similar-lead evidence (log-odds) may move a score, in log-odds. */
    static final double MAX_EVIDENCE_SLOPE = 2.0;
    public static final int NEIGHBOURS = 20;

    private ModelTrainer() {
    }

    /**
     * Trains the model and its backtest; the folds and the final model are fitted side by side.
     *
     * @param similar       closed leads similar to each closed lead (more than {@link #NEIGHBOURS}, so
     *                      every backtest fold still finds enough among its training folds)
     * @param missingTokens values meaning "missing" in this tenant
     * @param labels        custom attribute name to its original column label
     * @param progress      told "backtest fold 2 of 5 done" and the like as the work goes on
     */
    public static LeadModel trainWithBacktest(List<LeadFacts> closed, Map<UUID, List<Neighbour>> similar,
                                              Set<String> missingTokens, Map<String, String> labels, Instant trainedAt,
                                              Consumer<String> progress) {
        FieldSchema schema = FieldSchema.learn(closed, missingTokens, labels);
        TrainingSet data = TrainingSet.of(schema, closed, similar);
        int n = data.size();
        int[] fold = new int[n];
        for (int i = 0; i < n; i++) {
            // The fingerprint's low half; the inner folds take its high half, so the two splits are independent.
            fold[i] = Math.floorMod((int) data.fingerprints[i], Backtest.FOLDS);
        }
        double[] predicted = new double[n];
        Fit[] fits = new Fit[Backtest.FOLDS + 1];
        AtomicInteger done = new AtomicInteger();
        IntStream.rangeClosed(0, Backtest.FOLDS).parallel().forEach(f -> {
            boolean[] training = new boolean[n];
            for (int i = 0; i < n; i++) training[i] = f == Backtest.FOLDS || fold[i] != f;
            fits[f] = fit(data, training);
            if (f < Backtest.FOLDS) {
                for (int i = 0; i < n; i++) if (fold[i] == f) predicted[i] = fits[f].probability(data, i);
            }
            progress.accept(done.incrementAndGet() + " of " + (Backtest.FOLDS + 1) + " fits done");
        });
        BacktestReport backtest = Backtest.report(predicted, data.won);
        return model(data, fits[Backtest.FOLDS], trainedAt).numbered(0, backtest);
    }

    /** One fitted regression on the rows marked {@code training}, in terms of the encoded values. */
    record Fit(boolean[] training, int closed, int won, double baseRate, int[][] wonCounts, int[][] seenCounts,
               double[] means, double[] scales, double[] lows, double[] highs, double[] refs, double[] weights,
               double[] wonAverages, double[] lostAverages, double[] importance) {

        /** The probability of a row from this fit's tables and its training rows as neighbours. */
        double probability(TrainingSet data, int row) {
            double[] x = raw(data, row, wonCounts, seenCounts, null, training, baseRate);
            double z = weights[0];
            for (int j = 0; j < x.length; j++) z += weights[j + 1] * (clip(j, x[j]) - means[j]) / scales[j];
            return LogisticRegression.sigmoid(z);
        }

        double clip(int j, double value) {
            return Math.min(Math.max(value, lows[j]), highs[j]);
        }
    }

    static Fit fit(TrainingSet data, boolean[] training) {
        int n = data.size();
        int fields = data.fields.size();
        int d = fields + Engagement.NAMES.size() + 1;
        int rows = 0;
        int wins = 0;
        for (int i = 0; i < n; i++) {
            if (!training[i]) continue;
            rows++;
            if (data.won[i]) wins++;
        }
        double baseRate = (wins + 1.0) / (rows + 2.0);
        int[][] wonCounts = new int[fields][];
        int[][] seenCounts = new int[fields][];
        int[][][] foldWon = new int[INNER_FOLDS][fields][];
        int[][][] foldSeen = new int[INNER_FOLDS][fields][];
        for (int f = 0; f < fields; f++) {
            int size = data.dictionary.get(f).size();
            wonCounts[f] = new int[size];
            seenCounts[f] = new int[size];
            for (int g = 0; g < INNER_FOLDS; g++) {
                foldWon[g][f] = new int[size];
                foldSeen[g][f] = new int[size];
            }
        }
        int[] inner = new int[n];
        for (int i = 0; i < n; i++) {
            if (!training[i]) continue;
            inner[i] = Math.floorMod((int) (data.fingerprints[i] >>> 32), INNER_FOLDS);
            for (int f = 0; f < fields; f++) {
                int code = data.codes[i][f];
                if (code < 0) continue;
                seenCounts[f][code]++;
                foldSeen[inner[i]][f][code]++;
                if (data.won[i]) {
                    wonCounts[f][code]++;
                    foldWon[inner[i]][f][code]++;
                }
            }
        }
        double[][] x = new double[rows][];
        boolean[] won = new boolean[rows];
        int r = 0;
        int[][] outWon = new int[fields][];
        int[][] outSeen = new int[fields][];
        for (int i = 0; i < n; i++) {
            if (!training[i]) continue;
            for (int f = 0; f < fields; f++) {
                outWon[f] = foldWon[inner[i]][f];
                outSeen[f] = foldSeen[inner[i]][f];
            }
            x[r] = raw(data, i, wonCounts, seenCounts, new int[][][] {outWon, outSeen}, training, baseRate);
            won[r++] = data.won[i];
        }
        double[] means = new double[d];
        double[] scales = new double[d];
        double[] lows = new double[d];
        double[] highs = new double[d];
        double[] wonAverages = new double[d];
        double[] lostAverages = new double[d];
        Arrays.fill(lows, Double.POSITIVE_INFINITY);
        Arrays.fill(highs, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < d; j++) {
                double value = x[i][j];
                lows[j] = Math.min(lows[j], value);
                highs[j] = Math.max(highs[j], value);
                means[j] += value / rows;
                if (won[i]) wonAverages[j] += value / wins;
                else lostAverages[j] += value / (rows - wins);
            }
        }
        for (double[] row : x) for (int j = 0; j < d; j++) scales[j] += (row[j] - means[j]) * (row[j] - means[j]) / rows;
        double[] refs = new double[d];
        int[] directions = new int[d];
        double[] limits = new double[d];
        for (int j = 0; j < d; j++) {
            boolean constant = scales[j] < 1e-12;
            scales[j] = constant ? 1 : Math.sqrt(scales[j]);
            boolean measure = j >= fields && j < fields + Engagement.NAMES.size();
            // The average lead: a value winning at the overall rate, the average engagement, no telling look-alikes.
            refs[j] = measure ? means[j] : 0;
            lows[j] = Math.min(lows[j], refs[j]);
            highs[j] = Math.max(highs[j], refs[j]);
            double gap = wonAverages[j] - lostAverages[j];
            directions[j] = constant ? 0 : !measure ? 1 : Math.abs(gap) < 1e-9 ? 0 : (int) Math.signum(gap);
            // Evidence is a smoothed log-odds already: a weight above 1 per unit would claim more than the
            // win rates themselves (three won of three is not a five-fold promise).
            limits[j] = measure ? Double.POSITIVE_INFINITY : MAX_EVIDENCE_SLOPE * scales[j];
        }
        double[][] standardised = new double[rows][d];
        for (int i = 0; i < rows; i++) for (int j = 0; j < d; j++) standardised[i][j] = (x[i][j] - means[j]) / scales[j];
        double[] weights = LogisticRegression.fit(standardised, won, LAMBDA, directions, limits);
        double[] importance = new double[d];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < d; j++) importance[j] += Math.abs(weights[j + 1] * (x[i][j] - refs[j]) / scales[j]) / rows;
        }
        return new Fit(training, rows, wins, baseRate, wonCounts, seenCounts, means, scales, lows, highs, refs, weights,
                wonAverages, lostAverages, importance);
    }

    /**
     * A row's feature values before standardising: field evidence from the given counts (less the
     * row's own inner fold when {@code outOfFold} is given), engagement, and similar-lead evidence.
     */
    private static double[] raw(TrainingSet data, int row, int[][] wonCounts, int[][] seenCounts, int[][][] outOfFold,
                                boolean[] training, double baseRate) {
        int fields = data.fields.size();
        double[] x = new double[fields + Engagement.NAMES.size() + 1];
        for (int f = 0; f < fields; f++) {
            int code = data.codes[row][f];
            if (code < 0) continue;
            int won = wonCounts[f][code];
            int seen = seenCounts[f][code];
            if (outOfFold != null) {
                won -= outOfFold[0][f][code];
                seen -= outOfFold[1][f][code];
            }
            x[f] = seen == 0 ? 0 : EvidenceTable.evidence(won, seen - won, baseRate);
        }
        System.arraycopy(data.engagement[row], 0, x, fields, Engagement.NAMES.size());
        x[x.length - 1] = data.similarity(row, training, baseRate, NEIGHBOURS);
        return x;
    }

    /** The stored model: the fit's tables by value, with what was left out and why. */
    private static LeadModel model(TrainingSet data, Fit fit, Instant trainedAt) {
        List<String> fields = data.fields;
        List<EvidenceTable> tables = new ArrayList<>(fields.size());
        for (int f = 0; f < fields.size(); f++) {
            Map<String, int[]> counts = new HashMap<>();
            List<String> values = data.dictionary.get(f);
            for (int code = 0; code < values.size(); code++) {
                int seen = fit.seenCounts()[f][code];
                if (seen > 0) counts.put(values.get(code), new int[] {fit.wonCounts()[f][code], seen - fit.wonCounts()[f][code]});
            }
            tables.add(new EvidenceTable(fields.get(f), fit.baseRate(), counts));
        }
        List<String> features = new ArrayList<>(fields);
        features.addAll(Engagement.NAMES);
        features.add(LeadModel.SIMILAR);
        List<DroppedFeature> dropped = new ArrayList<>(data.schema.dropped());
        Map<String, String> unused = new LinkedHashMap<>();
        for (int j = 0; j < features.size(); j++) {
            if (fit.weights()[j + 1] != 0 || data.schema.mergedInto().containsKey(features.get(j))) continue;
            unused.put(features.get(j), whyUnused(fit, j));
        }
        unused.forEach((feature, reason) -> dropped.add(new DroppedFeature(feature, LeadModel.labelOf(feature, data.schema),
                reason)));
        return new LeadModel(LeadModel.FORMAT, 0, trainedAt, fit.closed(), fit.won(), fit.baseRate(), data.schema, tables,
                features, fit.means(), fit.scales(), fit.lows(), fit.highs(), fit.refs(), fit.weights(),
                fit.wonAverages(), fit.lostAverages(), fit.importance(), NEIGHBOURS, null, dropped);
    }

    private static String whyUnused(Fit fit, int j) {
        if (fit.highs()[j] - fit.lows()[j] < 1e-9) return "the same for every closed lead";
        if (Math.abs(fit.wonAverages()[j] - fit.lostAverages()[j]) < 1e-9) return "no different for won and lost leads";
        return "adds nothing once the other features are known: what it says, they say more reliably";
    }
}
