package io.intelligencecrm.core.config;

/**
 * Lead scoring: how often every tenant's model is retrained (and its open leads rescored), whether
 * the scheduled training runs at all, and whether changes rescore their contacts in the background
 * (tests that plant scores turn both off, so nothing rescores behind their back).
 */
public record ScoringSettings(int trainEveryHours, boolean scheduled, boolean rescoreOnChange) {

    static ScoringSettings from(Env env) {
        return new ScoringSettings(env.integer("CRM_SCORING_TRAIN_HOURS", 24, 1, 24 * 30),
                env.flag("CRM_SCORING_SCHEDULE", true), env.flag("CRM_SCORING_ON_CHANGE", true));
    }
}
