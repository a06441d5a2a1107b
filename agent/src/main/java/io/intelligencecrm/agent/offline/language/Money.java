package io.intelligencecrm.agent.offline.language;

import java.math.BigDecimal;

/** An amount of money as typed: "$5k", "5,000 EUR", "12.5k"; the currency is null when none was said. */
public record Money(BigDecimal amount, String currency) {

    /** Plain decimal text, as the tools take amounts. */
    public String plain() {
        return amount.stripTrailingZeros().toPlainString();
    }
}
