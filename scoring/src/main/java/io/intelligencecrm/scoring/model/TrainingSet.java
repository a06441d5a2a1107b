package io.intelligencecrm.scoring.model;

import io.intelligencecrm.scoring.similarity.Neighbour;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Closed leads encoded once for training and every backtest fold: each field's value as a number
 * per distinct value, the engagement measures as the model sees them, the outcome, and the similar
 * closed leads as row numbers. Rows are in the order of the leads' fingerprints, not of the database
 * or the random ids, so every sum over them adds up the same way on the same data. Immutable after
 * construction.
 */
final class TrainingSet {
    final List<LeadFacts> leads;
    /** [lead]: {@link LeadFacts#fingerprint()}, ascending. */
    final long[] fingerprints;
    final FieldSchema schema;
    final List<String> fields;
    /** [lead][field]: the value's number in {@link #dictionary}, -1 when another field speaks for it. */
    final int[][] codes;
    /** [field]: value by number. */
    final List<List<String>> dictionary;
    /** [lead][measure], see {@link Engagement#NAMES}. */
    final double[][] engagement;
    final boolean[] won;
    /** [lead]: the most similar other closed leads, most similar first, as rows; with their similarity. */
    final int[][] neighbourRows;
    final double[][] neighbourSimilarity;

    private TrainingSet(List<LeadFacts> leads, long[] fingerprints, FieldSchema schema, int[][] codes,
                        List<List<String>> dictionary, double[][] engagement, boolean[] won, int[][] neighbourRows,
                        double[][] neighbourSimilarity) {
        this.leads = leads;
        this.fingerprints = fingerprints;
        this.schema = schema;
        this.fields = schema.fieldNames();
        this.codes = codes;
        this.dictionary = dictionary;
        this.engagement = engagement;
        this.won = won;
        this.neighbourRows = neighbourRows;
        this.neighbourSimilarity = neighbourSimilarity;
    }

    static TrainingSet of(FieldSchema schema, List<LeadFacts> leads, Map<UUID, List<Neighbour>> similar) {
        int n = leads.size();
        // Identical fingerprints are identical leads: which of them comes first changes no sum.
        List<Fingerprinted> sorted = leads.stream().map(lead -> new Fingerprinted(lead, lead.fingerprint()))
                .sorted(Comparator.comparingLong(Fingerprinted::fingerprint)
                        .thenComparing(fingerprinted -> fingerprinted.lead().contactId()))
                .toList();
        List<LeadFacts> closed = sorted.stream().map(Fingerprinted::lead).toList();
        long[] fingerprints = sorted.stream().mapToLong(Fingerprinted::fingerprint).toArray();
        List<String> fields = schema.fieldNames();
        List<Map<String, Integer>> numbers = new ArrayList<>();
        List<List<String>> dictionary = new ArrayList<>();
        for (int f = 0; f < fields.size(); f++) {
            numbers.add(new HashMap<>());
            dictionary.add(new ArrayList<>());
        }
        Map<UUID, Integer> rows = new HashMap<>();
        for (int i = 0; i < n; i++) rows.put(closed.get(i).contactId(), i);
        int[][] codes = new int[n][fields.size()];
        double[][] engagement = new double[n][Engagement.NAMES.size()];
        boolean[] won = new boolean[n];
        int[][] neighbourRows = new int[n][];
        double[][] neighbourSimilarity = new double[n][];
        for (int i = 0; i < n; i++) {
            LeadFacts lead = closed.get(i);
            Map<String, String> values = schema.values(lead);
            for (int f = 0; f < fields.size(); f++) {
                String value = values.get(fields.get(f));
                if (value == null) {
                    codes[i][f] = -1;
                    continue;
                }
                List<String> known = dictionary.get(f);
                codes[i][f] = numbers.get(f).computeIfAbsent(value, v -> {
                    known.add(v);
                    return known.size() - 1;
                });
            }
            for (int e = 0; e < Engagement.NAMES.size(); e++) {
                String measure = Engagement.NAMES.get(e);
                engagement[i][e] = Engagement.transformed(measure, lead.engagement(measure));
            }
            won[i] = lead.outcome() == Outcome.WON;
            List<Neighbour> near = similar.getOrDefault(lead.contactId(), List.of());
            int[] nearRows = new int[near.size()];
            double[] nearSimilarity = new double[near.size()];
            int kept = 0;
            for (Neighbour neighbour : near) {
                Integer row = rows.get(neighbour.contactId());
                if (row == null || row == i) continue;
                nearRows[kept] = row;
                nearSimilarity[kept++] = neighbour.similarity();
            }
            neighbourRows[i] = java.util.Arrays.copyOf(nearRows, kept);
            neighbourSimilarity[i] = java.util.Arrays.copyOf(nearSimilarity, kept);
        }
        return new TrainingSet(closed, fingerprints, schema, codes, dictionary, engagement, won, neighbourRows,
                neighbourSimilarity);
    }

    private record Fingerprinted(LeadFacts lead, long fingerprint) {
    }

    int size() {
        return leads.size();
    }

    /** {@link SimilarityEvidence} over the row's neighbours among the given training rows. */
    double similarity(int row, boolean[] training, double baseRate, int k) {
        double wonWeight = 0;
        double all = 0;
        int used = 0;
        int[] near = neighbourRows[row];
        double[] similarity = neighbourSimilarity[row];
        for (int a = 0; a < near.length && used < k; a++) {
            if (!training[near[a]] || similarity[a] <= 0) continue;
            used++;
            all += similarity[a];
            if (won[near[a]]) wonWeight += similarity[a];
        }
        return SimilarityEvidence.fromWeights(wonWeight, all, baseRate);
    }
}
