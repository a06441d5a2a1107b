package io.intelligencecrm.core.deal;

import io.intelligencecrm.core.db.StoredEnum;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A deal's place in the pipeline, with the usual chance that a deal at this stage is won: the
 * weight of its amount in the weighted pipeline (the common CRM defaults).
 */
public enum DealStage implements StoredEnum {
    PROSPECTING(10), QUALIFICATION(25), PROPOSAL(50), NEGOTIATION(75), WON(100), LOST(0);

    private final int probability;

    DealStage(int probability) {
        this.probability = probability;
    }

    public boolean closed() {
        return this == WON || this == LOST;
    }

    /** The chance of winning a deal at this stage, in percent. */
    public int probability() {
        return probability;
    }

    /** An amount weighted by this stage's probability, to whole units. */
    public BigDecimal weighted(BigDecimal amount) {
        return amount.multiply(BigDecimal.valueOf(probability)).divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP);
    }
}
