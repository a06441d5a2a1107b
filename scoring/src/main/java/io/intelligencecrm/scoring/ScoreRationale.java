package io.intelligencecrm.scoring;

/**
 * Writes the short text shown beside a score from its evidence. The templated one is always
 * available; a language-model one may replace it, but must only cite the factors and neighbour ids
 * it is given, never a number of its own.
 */
public interface ScoreRationale {
    String write(String leadName, double score, ScoreExplanation evidence);
}
