package io.intelligencecrm.scoring.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** AUC, Brier score and the calibration table of predictions against outcomes. */
public final class Metrics {
    private static final int CALIBRATION_BINS = 10;

    private Metrics() {
    }

    /** The Mann-Whitney AUC; tied predictions count half. */
    public static double auc(double[] predicted, boolean[] won) {
        Integer[] order = new Integer[predicted.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingDouble(i -> predicted[i]));
        double rankSum = 0;
        long positives = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && predicted[order[j + 1]] == predicted[order[i]]) j++;
            double rank = (i + j) / 2.0 + 1;
            for (int t = i; t <= j; t++) {
                if (won[order[t]]) {
                    rankSum += rank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = predicted.length - positives;
        if (positives == 0 || negatives == 0) return 0.5;
        return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    public static double brier(double[] predicted, boolean[] won) {
        double sum = 0;
        for (int i = 0; i < predicted.length; i++) {
            double error = predicted[i] - (won[i] ? 1 : 0);
            sum += error * error;
        }
        return predicted.length == 0 ? 0 : sum / predicted.length;
    }

    public static List<CalibrationBin> calibration(double[] predicted, boolean[] won) {
        int[] leads = new int[CALIBRATION_BINS];
        double[] sumPredicted = new double[CALIBRATION_BINS];
        int[] wins = new int[CALIBRATION_BINS];
        for (int i = 0; i < predicted.length; i++) {
            int bin = Math.min((int) (predicted[i] * CALIBRATION_BINS), CALIBRATION_BINS - 1);
            leads[bin]++;
            sumPredicted[bin] += predicted[i];
            if (won[i]) wins[bin]++;
        }
        List<CalibrationBin> bins = new ArrayList<>();
        for (int bin = 0; bin < CALIBRATION_BINS; bin++) {
            if (leads[bin] == 0) continue;
            bins.add(new CalibrationBin(round((double) bin / CALIBRATION_BINS), round((bin + 1.0) / CALIBRATION_BINS),
                    leads[bin], round(sumPredicted[bin] / leads[bin]), round((double) wins[bin] / leads[bin])));
        }
        return bins;
    }

    static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
