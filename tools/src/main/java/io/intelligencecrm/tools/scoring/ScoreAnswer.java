package io.intelligencecrm.tools.scoring;

import java.util.List;

/**
 * Why a contact has their score, for the model to explain: every number in it comes from the stored
 * evidence, so an answer citing it invents nothing.
 *
 * @param rationale the templated explanation, ready to show as is
 * @param trend     how the score moved, e.g. "up from 61 on 2026-11-17"; null without history
 */
public record ScoreAnswer(String contactId, String name, double score, String confidence, String modelVersion,
                          String rationale, List<FactorLine> factors, List<SimilarLine> similarLeads, Double backtestAuc,
                          String trend) {

    /**
     * @param effect  how the factor moves the odds of winning, in words
     * @param logOdds the same as a signed number, against the average lead
     */
    public record FactorLine(String factor, String effect, double logOdds, String evidence) {
    }

    public record SimilarLine(String contactId, String name, String outcome, double similarity) {
    }
}
