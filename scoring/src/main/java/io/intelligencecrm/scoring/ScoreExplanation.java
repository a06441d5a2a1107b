package io.intelligencecrm.scoring;

import io.intelligencecrm.scoring.model.Factor;
import java.util.List;

/**
 * Everything behind one score, stored as {@code lead_scores.metadata}.
 *
 * @param baseline    the chance of winning of the average lead, which every factor is measured from
 * @param confidence  "normal", or "low" for the cold-start prior and for models whose backtest is weak
 * @param method      "logistic" (learned from this tenant's closed leads) or "prior" (fixed rules)
 * @param factors     the largest contributions, signed, largest first
 * @param neighbours  the most similar closed leads with their outcomes
 */
public record ScoreExplanation(double probability, Double baseline, String confidence, String modelVersion, String method,
                               List<Factor> factors, List<SimilarLead> neighbours, ModelQuality quality,
                               String rationale) {

    public ScoreExplanation withRationale(String text) {
        return new ScoreExplanation(probability, baseline, confidence, modelVersion, method, factors, neighbours, quality, text);
    }
}
