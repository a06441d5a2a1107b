package io.intelligencecrm.web.contact;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A score's stored evidence (lead_scores.metadata, written by the scorer) as a person reads it: one
 * sentence, then the factors each with a bar as long as its pull on the score, raising or lowering it,
 * and what the most similar closed leads did. Metadata from other writers falls back to its own
 * rationale's first sentence and plain facts.
 */
public final class ScoreExplanation {
    private static final int FACTORS = 6;

    private ScoreExplanation() {
    }

    /**
     * @param width   the bar's length in percent of the strongest factor's
     * @param raises  whether it raises the score
     */
    public record FactorBar(String label, String effect, String detail, int width, boolean raises) {
    }

    public record Reading(String sentence, List<FactorBar> factors, String similar, boolean lowConfidence) {
        public static final Reading NONE = new Reading(null, List.of(), null, false);
    }

    public static Reading read(Map<String, Object> metadata, long score) {
        if (metadata == null || metadata.isEmpty()) return Reading.NONE;
        List<FactorBar> factors = factors(metadata.get("factors"));
        boolean low = "low".equals(metadata.get("confidence"));
        return new Reading(sentence(metadata, score, factors), factors, similar(metadata.get("neighbours")), low);
    }

    private static String sentence(Map<String, Object> metadata, long score, List<FactorBar> factors) {
        StringBuilder text = new StringBuilder();
        if ("prior".equals(metadata.get("method"))) {
            text.append("Scored ").append(score).append(" of 100 by the starting rules, until enough leads have closed to learn from.");
        } else if (metadata.get("baseline") instanceof Number baseline) {
            long average = Math.round(baseline.doubleValue() * 100);
            String compared = score > average + 2 ? "better than" : score < average - 2 ? "worse than" : "about as good as";
            text.append("A ").append(score).append("% chance of winning: ").append(compared)
                    .append(" the average lead here (").append(average).append("%).");
        } else if (metadata.get("rationale") instanceof String rationale && !rationale.isBlank()) {
            int end = rationale.indexOf(". ");
            return end < 0 ? rationale.strip() : rationale.substring(0, end + 1);
        } else {
            text.append("Scored ").append(score).append(" of 100.");
        }
        factors.stream().filter(FactorBar::raises).findFirst()
                .ifPresent(best -> text.append(" Most in its favour: ").append(best.label()).append('.'));
        return text.toString();
    }

    private static List<FactorBar> factors(Object value) {
        if (!(value instanceof List<?> items)) return List.of();
        double strongest = 0;
        for (Object item : items) strongest = Math.max(strongest, Math.abs(contribution(item)));
        List<FactorBar> bars = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> factor) || bars.size() >= FACTORS) continue;
            double contribution = contribution(item);
            String label = text(factor.get("label"));
            if (label == null) continue;
            int width = strongest <= 0 ? 0 : (int) Math.max(4, Math.round(Math.abs(contribution) / strongest * 100));
            bars.add(new FactorBar(label, capitalised(text(factor.get("effect"))), text(factor.get("detail")), width,
                    contribution >= 0));
        }
        return bars;
    }

    private static String similar(Object value) {
        if (!(value instanceof List<?> neighbours) || neighbours.isEmpty()) return null;
        long won = neighbours.stream().filter(n -> n instanceof Map<?, ?> m && "won".equals(m.get("outcome"))).count();
        return won + " of the " + neighbours.size() + " most similar closed leads were won.";
    }

    private static double contribution(Object item) {
        return item instanceof Map<?, ?> factor && factor.get("contribution") instanceof Number number ? number.doubleValue() : 0;
    }

    private static String text(Object value) {
        return value instanceof String text && !text.isBlank() ? text : null;
    }

    private static String capitalised(String text) {
        return text == null ? null : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}
