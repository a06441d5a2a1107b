package io.intelligencecrm.agent.offline.intent;

import java.util.List;

/** Every intent's score for one message, best first. */
public record Classification(List<IntentScore> ranked) {

    public Classification {
        ranked = List.copyOf(ranked);
    }

    public IntentScore top() {
        return ranked.getFirst();
    }

    public IntentScore second() {
        return ranked.get(1);
    }

    /** How far the best reading is ahead of the next one. */
    public double margin() {
        return top().score() - second().score();
    }

    public double scoreOf(Intent intent) {
        return ranked.stream().filter(score -> score.intent() == intent).mapToDouble(IntentScore::score).findFirst()
                .orElse(0);
    }
}
