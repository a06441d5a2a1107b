package io.intelligencecrm.core.deal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** @param stageChangedAt when the deal entered its current stage */
public record Deal(UUID id, String name, UUID contactId, String contactName, UUID companyId, String companyName,
                   UUID ownerId, DealStage stage, BigDecimal amount, String currency, LocalDate expectedCloseDate,
                   Instant closedAt, String lostReason, String description, Map<String, Object> custom,
                   Instant createdAt, Instant updatedAt, Instant deletedAt, Instant stageChangedAt) {
}
