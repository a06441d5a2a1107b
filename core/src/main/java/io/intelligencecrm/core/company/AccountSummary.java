package io.intelligencecrm.core.company;

import io.intelligencecrm.core.deal.Deal;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What is going on with an account: who we know there, the open deals, and the latest touches.
 *
 * @param contacts           the most recently contacted first, at most {@link AccountSummaries#ROWS}
 * @param openDeals          soonest expected close first, at most {@link AccountSummaries#ROWS}
 * @param openValue          open pipeline per currency (never added across currencies)
 * @param recentInteractions newest first, with any of the account's contacts
 */
public record AccountSummary(Company company, String ownerName, long contactCount, List<Person> contacts,
                             long openDealCount, List<Deal> openDeals, Map<String, BigDecimal> openValue,
                             List<Touch> recentInteractions) {

    public record Person(UUID id, String name, String title, String email, String stage, Instant lastContactedAt) {
    }

    public record Touch(UUID id, Instant occurredAt, String type, String direction, UUID contactId,
                        String contactName, String subject, String content, String authorName) {
    }
}
