package io.intelligencecrm.scoring.model;

import java.util.Locale;

/**
 * One piece of evidence behind a score.
 *
 * @param group        field, engagement or similarity
 * @param label        what it is, with the lead's value ("lead source: referral")
 * @param contribution signed log-odds it adds to the average lead's (prior rules: points / 100)
 * @param effect       the contribution in words ("strongly raises the odds of winning, ×2.3")
 * @param detail       the facts the evidence rests on ("9 of 12 closed leads with this value were won (75%)")
 * @param evidence     the same facts as numbers; null for the starting rules
 */
public record Factor(String feature, String group, String label, double contribution, String effect, String detail,
                     FactorEvidence evidence) {

    /** A log-odds contribution as a sales manager reads it: how many times it multiplies the odds of winning. */
    public static String effect(double logOdds) {
        double ratio = Math.exp(Math.abs(logOdds));
        String size = ratio < 1.25 ? "slightly " : ratio < 2 ? "" : ratio < 4 ? "strongly " : "very strongly ";
        String times = ratio >= 10 ? String.format(Locale.ROOT, "%.0f", ratio) : String.format(Locale.ROOT, "%.1f", ratio);
        return logOdds >= 0 ? size + "raises the odds of winning, ×" + times
                : size + "lowers the odds of winning, ÷" + times;
    }
}
