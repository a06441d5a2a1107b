package io.intelligencecrm.scoring.model;

import java.util.List;

/** A probability of winning with every factor's contribution, largest effect first. */
public record Prediction(double probability, List<Factor> factors) {

    public double score() {
        return Math.round(probability * 10_000) / 100.0;
    }
}
