package io.intelligencecrm.core.config;

/**
 * Lead scoring: how often every tenant's model is retrained (and its open leads rescored), whether
 * the scheduled training runs at all, whether changes rescore their contacts in the background
 * (tests that plant scores turn both off, so nothing rescores behind their back), and how long a
 * retrain waits after outcomes changed a lot (so an import still under way is learned from once).
 */
public record ScoringSettings(int trainEveryHours, boolean scheduled, boolean rescoreOnChange,
                              int retrainDelaySeconds) {

    public ScoringSettings(int trainEveryHours, boolean scheduled, boolean rescoreOnChange) {
        this(trainEveryHours, scheduled, rescoreOnChange, 30);
    }

    static ScoringSettings from(Env env) {
        return new ScoringSettings(env.integer("CRM_SCORING_TRAIN_HOURS", 24, 1, 24 * 30),
                env.flag("CRM_SCORING_SCHEDULE", true), env.flag("CRM_SCORING_ON_CHANGE", true),
                env.integer("CRM_SCORING_RETRAIN_DELAY_SECONDS", 30, 0, 3_600));
    }
}
