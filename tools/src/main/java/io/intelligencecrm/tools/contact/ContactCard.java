package io.intelligencecrm.tools.contact;

import io.intelligencecrm.tools.Views.ContactView;
import io.intelligencecrm.tools.Views.DealView;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** Everything a rep wants beside a contact, in one answer. */
public record ContactCard(ContactView contact, String companyDomain, String companyIndustry, BigDecimal latestScore,
                          String scoredAt, List<DealView> openDeals, List<InteractionLine> recentInteractions) {

    /** @param excerpt the start of the content, enough to know what happened */
    public record InteractionLine(UUID id, String type, String direction, String subject, String excerpt,
                                  String occurredAt, String author) {
    }
}
