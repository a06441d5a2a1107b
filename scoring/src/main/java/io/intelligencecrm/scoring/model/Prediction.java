package io.intelligencecrm.scoring.model;

import java.util.List;

/**
 * A probability of winning with every factor's contribution, largest effect first.
 *
 * @param baseline the probability of the average lead the factors are measured from
 */
public record Prediction(double probability, double baseline, List<Factor> factors) {

    public double score() {
        return Math.round(probability * 10_000) / 100.0;
    }
}
