package io.intelligencecrm.agent.offline.language;

import java.math.BigDecimal;

/**
 * A bound said in words: "over 100k" (min), "under 5k" (max), "between 10k and 50k" (both), "90+".
 * Whether it is money or a score is the reader's call; {@code money} says the words left no doubt
 * (a currency, "k", or four digits and more).
 *
 * @param min inclusive lower bound, or null
 * @param max inclusive upper bound, or null
 */
public record Comparison(BigDecimal min, BigDecimal max, boolean money, String currency) {
}
