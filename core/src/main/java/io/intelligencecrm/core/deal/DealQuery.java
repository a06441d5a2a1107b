package io.intelligencecrm.core.deal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Filters of the deal list; null means "any".
 *
 * @param open true: not yet won or lost; false: closed
 * @param sort created (default), updated, close (expected close date), amount
 */
public record DealQuery(String q, UUID ownerId, DealStage stage, Boolean open, UUID companyId, UUID contactId,
                        LocalDate closingFrom, LocalDate closingTo, BigDecimal amountMin, BigDecimal amountMax,
                        String sort, Boolean descending, String cursor, Integer limit, boolean deleted) {
    public static DealQuery all() {
        return new DealQuery(null, null, null, null, null, null, null, null, null, null, null, null, null, null, false);
    }
}
