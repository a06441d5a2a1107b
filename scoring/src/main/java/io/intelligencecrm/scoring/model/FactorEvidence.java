package io.intelligencecrm.scoring.model;

/**
 * The statistic printed beside a factor, as numbers, so anyone can check that the factor's direction
 * agrees with it. A "rate" factor raises a score exactly when {@code won / seen} is above
 * {@code overallRate}; a "measure" factor when the lead's {@code value} lies on the side of
 * {@code average} where won leads are ({@code wonAverage} against {@code lostAverage}); a "similar"
 * factor when {@code weightedRate} (closer look-alikes counting more) is above {@code overallRate}.
 *
 * @param kind rate, measure or similar
 */
public record FactorEvidence(String kind, Integer won, Integer seen, Double value, Double average, Double wonAverage,
                             Double lostAverage, Double weightedRate, double overallRate) {

    static FactorEvidence rate(int won, int seen, double overallRate) {
        return new FactorEvidence("rate", won, seen, null, null, null, null, null, overallRate);
    }

    static FactorEvidence measure(double value, double average, double wonAverage, double lostAverage, double overallRate) {
        return new FactorEvidence("measure", null, null, value, average, wonAverage, lostAverage, null, overallRate);
    }

    static FactorEvidence similar(int won, int seen, double weightedRate, double overallRate) {
        return new FactorEvidence("similar", won, seen, null, null, null, null, weightedRate, overallRate);
    }

    /** The direction this statistic points: 1 towards winning, -1 away from it, 0 neither. */
    public int direction() {
        return switch (kind) {
            case "rate" -> seen == null || seen == 0 ? 0 : (int) Math.signum((double) won / seen - overallRate);
            case "measure" -> (int) (Math.signum(value - average) * Math.signum(wonAverage - lostAverage));
            default -> (int) Math.signum(weightedRate - overallRate);
        };
    }
}
