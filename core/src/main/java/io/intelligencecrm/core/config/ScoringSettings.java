package io.intelligencecrm.core.config;

/**
 * Lead scoring: how often every tenant's model is retrained (and its open leads rescored), and
 * whether the scheduled training runs at all (tests and benchmarks train on demand).
 */
public record ScoringSettings(int trainEveryHours, boolean scheduled) {

    static ScoringSettings from(Env env) {
        return new ScoringSettings(env.integer("CRM_SCORING_TRAIN_HOURS", 24, 1, 24 * 30),
                env.flag("CRM_SCORING_SCHEDULE", true));
    }
}
