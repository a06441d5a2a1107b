package io.intelligencecrm.scoring.model;

/**
 * One piece of evidence behind a score.
 *
 * @param group        field, engagement or similarity
 * @param label        what it is, with the lead's value ("lead source: referral")
 * @param contribution signed log-odds it adds to the average closed lead's
 * @param points       how many score points the lead would lose (negative: gain) without it
 * @param detail       the facts the evidence rests on ("9 of 12 closed leads with this value were won")
 */
public record Factor(String feature, String group, String label, double contribution, double points, String detail) {
}
