package io.intelligencecrm.outreach.mail;

import io.intelligencecrm.core.contact.Contact;
import io.intelligencecrm.core.contact.ContactService;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.interaction.Interaction;
import io.intelligencecrm.core.interaction.InteractionService;
import io.intelligencecrm.core.outbox.Outbox;
import io.intelligencecrm.core.tenant.TenantTransactions;
import io.intelligencecrm.core.user.User;
import io.intelligencecrm.core.user.UserService;
import java.util.Map;
import java.util.UUID;

/**
 * Queues email for delivery through the outbox, in the caller's transaction: to a contact (logged
 * on the contact's timeline, delivery status filled in later) or to a user of the CRM (a summary,
 * a notice). The idempotency key names the cause, so queuing the same cause twice sends once.
 */
public final class EmailQueue {
    private final TenantTransactions transactions;
    private final Outbox outbox;
    private final ContactService contacts;
    private final InteractionService interactions;
    private final UserService users;

    public EmailQueue(TenantTransactions transactions, Outbox outbox, ContactService contacts,
                      InteractionService interactions, UserService users) {
        this.transactions = transactions;
        this.outbox = outbox;
        this.contacts = contacts;
        this.interactions = interactions;
        this.users = users;
    }

    /** @return false when this key was queued before (nothing new happened) */
    public boolean toContact(Actor actor, UUID contactId, String subject, String body, String idempotencyKey) {
        return transactions.inTenant(actor.tenant(), handle -> {
            Contact contact = contacts.get(actor, contactId);
            if (contact.email() == null) {
                throw CrmException.invalid("contactId", contact.fullName() + " has no email address");
            }
            OutboundEmail email = new OutboundEmail(contact.email(), subject, body, contactId.toString(),
                    actor.userId() == null ? null : actor.userId().toString());
            if (!outbox.enqueue(actor.tenant(), OutboundEmail.KIND, email.toPayload(), idempotencyKey)) return false;
            Interaction logged = interactions.log(actor, Map.of("contactId", contactId.toString(), "type", "email",
                    "direction", "outbound", "subject", subject, "content", body));
            interactions.addMetadata(actor, logged.id(), Map.of("delivery", "queued", "outboxKey", idempotencyKey));
            return true;
        });
    }

    /** Mail to a user of the CRM (the actor may only write to itself or, as a manager, to its team). */
    public boolean toUser(Actor actor, UUID userId, String subject, String body, String idempotencyKey) {
        User user = userId.equals(actor.userId()) ? users.me(actor) : users.get(actor, userId);
        OutboundEmail email = new OutboundEmail(user.email(), subject, body, null,
                actor.userId() == null ? null : actor.userId().toString());
        return outbox.enqueue(actor.tenant(), OutboundEmail.KIND, email.toPayload(), idempotencyKey);
    }
}
