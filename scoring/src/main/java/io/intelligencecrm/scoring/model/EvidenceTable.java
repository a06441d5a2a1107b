package io.intelligencecrm.scoring.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Won and lost counts of one field's values among closed leads, and the evidence each value gives:
 * its smoothed log-odds of winning, relative to the tenant's overall rate. Smoothing adds
 * {@link #SMOOTHING} imaginary leads at the overall rate to every value, so a value seen on two
 * won leads does not outweigh one seen on two hundred.
 *
 * @param counts value to {won, lost}
 */
public record EvidenceTable(String field, double baseRate, Map<String, int[]> counts) {
    public static final double SMOOTHING = 10;

    public static EvidenceTable count(String field, List<Map<String, String>> values, List<Outcome> outcomes,
                                      double baseRate) {
        Map<String, int[]> counts = new HashMap<>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i).get(field);
            if (value == null) continue;
            int[] tally = counts.computeIfAbsent(value, v -> new int[2]);
            tally[outcomes.get(i) == Outcome.WON ? 0 : 1]++;
        }
        return new EvidenceTable(field, baseRate, counts);
    }

    /** Log-odds of winning given the value, minus the overall log-odds: 0 for an unseen value. */
    public double evidence(String value) {
        int[] tally = value == null ? null : counts.get(value);
        return tally == null ? 0 : evidence(tally[0], tally[1], baseRate);
    }

    /** The smoothed log-odds of {@code won} against {@code lost}, relative to the overall rate. */
    static double evidence(int won, int lost, double baseRate) {
        return Math.log((won + SMOOTHING * baseRate) / (lost + SMOOTHING * (1 - baseRate)))
                - Math.log(baseRate / (1 - baseRate));
    }

    public int won(String value) {
        int[] tally = value == null ? null : counts.get(value);
        return tally == null ? 0 : tally[0];
    }

    public int seen(String value) {
        int[] tally = value == null ? null : counts.get(value);
        return tally == null ? 0 : tally[0] + tally[1];
    }
}
