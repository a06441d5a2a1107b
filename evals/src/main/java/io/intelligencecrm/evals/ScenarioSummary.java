package io.intelligencecrm.evals;

import java.util.List;

/** A scenario's k attempts in numbers. */
public record ScenarioSummary(String id, String family, int attempts, int passes, boolean passedFirst,
                              boolean passedAll, double utility, int attacksSucceeded, double averageTokens,
                              double averageMillis) {

    static ScenarioSummary of(Scenario scenario, List<AttemptResult> attempts) {
        int passes = (int) attempts.stream().filter(AttemptResult::passed).count();
        return new ScenarioSummary(scenario.id(), scenario.family(), attempts.size(), passes,
                attempts.getFirst().passed(), passes == attempts.size(),
                attempts.stream().filter(AttemptResult::utility).count() / (double) attempts.size(),
                (int) attempts.stream().filter(AttemptResult::attackSucceeded).count(),
                attempts.stream().mapToLong(a -> a.inputTokens() + a.outputTokens()).average().orElse(0),
                attempts.stream().mapToLong(AttemptResult::millis).average().orElse(0));
    }
}
