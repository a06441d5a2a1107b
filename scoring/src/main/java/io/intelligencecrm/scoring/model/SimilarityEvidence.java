package io.intelligencecrm.scoring.model;

import io.intelligencecrm.scoring.similarity.Neighbour;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The win rate of the most similar closed leads, each counted by its similarity, as log-odds
 * relative to the overall rate. {@link #PRIOR_WEIGHT} leads at the overall rate are mixed in, so a
 * single faint look-alike moves little.
 */
public final class SimilarityEvidence {
    public static final double PRIOR_WEIGHT = 2;

    private SimilarityEvidence() {
    }

    public static double evidence(List<Neighbour> neighbours, Map<UUID, Outcome> outcomes, double baseRate, int k) {
        double won = 0;
        double all = 0;
        int used = 0;
        for (Neighbour neighbour : neighbours) {
            Outcome outcome = outcomes.get(neighbour.contactId());
            if (outcome == null || !outcome.closed() || neighbour.similarity() <= 0) continue;
            if (used++ >= k) break;
            all += neighbour.similarity();
            if (outcome == Outcome.WON) won += neighbour.similarity();
        }
        return fromWeights(won, all, baseRate);
    }

    /** @param won the summed similarity of the won neighbours; {@code all} of every neighbour counted */
    static double fromWeights(double won, double all, double baseRate) {
        double rate = (won + PRIOR_WEIGHT * baseRate) / (all + PRIOR_WEIGHT);
        return Math.log(rate / (1 - rate)) - Math.log(baseRate / (1 - baseRate));
    }
}
