package io.intelligencecrm.tools;

import io.intelligencecrm.core.contact.Contact;
import io.intelligencecrm.core.deal.Deal;
import java.math.BigDecimal;
import java.util.UUID;

/** Compact, JSON-friendly views of records for tool answers (dates as ISO text, ids included). */
public final class Views {
    private Views() {
    }

    public record ContactView(UUID id, String name, String email, String phone, String title, String company,
                              UUID companyId, String stage, String source, String country, String owner,
                              UUID ownerId) {
    }

    public record DealView(UUID id, String name, String stage, BigDecimal amount, String currency,
                           String expectedCloseDate, String company, String contact, UUID contactId, String owner,
                           String lostReason) {
    }

    public static ContactView contact(Contact contact, Team team) {
        return new ContactView(contact.id(), contact.fullName(), contact.email(), contact.phone(), contact.title(),
                contact.companyName(), contact.companyId(), contact.lifecycleStage().stored(), contact.source(),
                contact.country(), team.name(contact.ownerId()), contact.ownerId());
    }

    public static DealView deal(Deal deal, Team team) {
        return new DealView(deal.id(), deal.name(), deal.stage().stored(), deal.amount(),
                deal.currency() == null ? null : deal.currency().trim(),
                deal.expectedCloseDate() == null ? null : deal.expectedCloseDate().toString(), deal.companyName(),
                deal.contactName(), deal.contactId(), team.name(deal.ownerId()), deal.lostReason());
    }
}
