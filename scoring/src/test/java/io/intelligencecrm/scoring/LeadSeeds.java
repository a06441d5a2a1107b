package io.intelligencecrm.scoring;

import io.intelligencecrm.core.contact.ContactRepository;
import io.intelligencecrm.core.contact.LifecycleStage;
import io.intelligencecrm.core.contact.NewContact;
import io.intelligencecrm.core.interaction.Direction;
import io.intelligencecrm.core.interaction.InteractionRepository;
import io.intelligencecrm.core.interaction.InteractionType;
import io.intelligencecrm.core.interaction.NewInteraction;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.tenant.TenantTransactions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Contacts for scoring tests, written through the core repositories. */
final class LeadSeeds {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final ContactRepository contacts;
    private final InteractionRepository interactions;
    private final TenantId tenant;

    LeadSeeds(TenantTransactions transactions, TenantId tenant) {
        this.contacts = new ContactRepository(transactions);
        this.interactions = new InteractionRepository(transactions);
        this.tenant = tenant;
    }

    UUID lead(String first, String last, String title, String source, LifecycleStage stage, Map<String, Object> custom) {
        int n = COUNTER.incrementAndGet();
        return contacts.create(tenant, new NewContact(null, null, first, last,
                first.toLowerCase() + "." + last.toLowerCase() + n + "@firm" + n + ".example", null, title, stage, source,
                "US", custom)).id();
    }

    void inbound(UUID contact, String text, Instant at) {
        interactions.create(tenant, new NewInteraction(contact, null, InteractionType.EMAIL, Direction.INBOUND,
                "Re: " + text, text, at, null));
    }

    void note(UUID contact, String text, Instant now, int daysAgo) {
        interactions.create(tenant, new NewInteraction(contact, null, InteractionType.NOTE, Direction.INTERNAL, null,
                text, now.minus(Duration.ofDays(daysAgo)), null));
    }
}
