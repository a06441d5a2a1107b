package io.intelligencecrm.core.deal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** {@code closedAt} is required exactly when the stage is won or lost. */
public record NewDeal(String name, UUID contactId, UUID companyId, UUID ownerId, DealStage stage, BigDecimal amount,
                      String currency, LocalDate expectedCloseDate, Instant closedAt, String description) {
}
