package io.intelligencecrm.scoring;

import io.intelligencecrm.scoring.model.Factor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The rationale written without a language model: the strongest evidence each way, in one paragraph. */
public final class TemplatedRationale implements ScoreRationale {
    private static final int PER_SIDE = 3;

    @Override
    public String write(String leadName, double score, ScoreExplanation evidence) {
        StringBuilder text = new StringBuilder();
        text.append(leadName).append(" scores ").append(Math.round(score)).append(" out of 100");
        if (evidence.method().equals("prior")) {
            text.append(", from the starting rules (").append(evidence.quality().note()).append(")");
        } else {
            text.append(", a ").append(Math.round(evidence.probability() * 100))
                    .append("% chance of winning by the model learned from ").append(evidence.quality().closedLeads())
                    .append(" closed leads");
            if (evidence.quality().auc() != null) {
                text.append(String.format(Locale.ROOT, " (backtest AUC %.2f)", evidence.quality().auc()));
            }
            if (evidence.baseline() != null) {
                text.append(String.format(Locale.ROOT, "; the average lead here has %.0f%%", evidence.baseline() * 100));
            }
        }
        text.append(". ");
        // Factors are in log-odds for the model (odds ×1.1 and up are worth a line), in points / 100 for the rules.
        double worthSaying = evidence.method().equals("prior") ? 0.005 : 0.1;
        List<String> up = new ArrayList<>();
        List<String> down = new ArrayList<>();
        for (Factor factor : evidence.factors()) {
            String item = factor.label() + " (" + factor.effect() + "; " + factor.detail() + ")";
            if (factor.contribution() >= worthSaying && up.size() < PER_SIDE) up.add(item);
            if (factor.contribution() <= -worthSaying && down.size() < PER_SIDE) down.add(item);
        }
        if (!up.isEmpty()) text.append("Raising it: ").append(String.join("; ", up)).append(". ");
        if (!down.isEmpty()) text.append("Holding it back: ").append(String.join("; ", down)).append(". ");
        if (up.isEmpty() && down.isEmpty()) text.append("Nothing sets this lead apart from the average. ");
        if (!evidence.neighbours().isEmpty()) {
            long won = evidence.neighbours().stream().filter(n -> n.outcome().equals("won")).count();
            SimilarLead closest = evidence.neighbours().getFirst();
            text.append("Of the ").append(evidence.neighbours().size()).append(" most similar closed leads, ").append(won)
                    .append(" were won; the closest is ").append(closest.name()).append(" (").append(closest.outcome())
                    .append(String.format(Locale.ROOT, ", similarity %.2f", closest.similarity())).append("). ");
        }
        if (evidence.confidence().equals("low")) text.append("Confidence is low: treat this as a rough guide.");
        return text.toString().strip();
    }
}
