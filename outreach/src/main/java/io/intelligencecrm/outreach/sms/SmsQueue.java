package io.intelligencecrm.outreach.sms;

import io.intelligencecrm.core.contact.Contact;
import io.intelligencecrm.core.contact.ContactService;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.interaction.Interaction;
import io.intelligencecrm.core.interaction.InteractionService;
import io.intelligencecrm.core.outbox.Outbox;
import io.intelligencecrm.core.tenant.UnitOfWork;
import java.util.Map;
import java.util.UUID;

/**
 * Queues a text to a contact through the outbox, in one transaction with its entry on the contact's
 * timeline (delivery status filled in later). The idempotency key names the cause, so queuing the same
 * cause twice sends once. Every path that texts a contact (approved proposal, workflow step) comes here.
 */
public final class SmsQueue {
    public static final int MAX_BODY = 1600;

    private final UnitOfWork unitOfWork;
    private final Outbox outbox;
    private final ContactService contacts;
    private final InteractionService interactions;

    public SmsQueue(UnitOfWork unitOfWork, Outbox outbox, ContactService contacts, InteractionService interactions) {
        this.unitOfWork = unitOfWork;
        this.outbox = outbox;
        this.contacts = contacts;
        this.interactions = interactions;
    }

    /** The contact's number in the form texts go to; a field error when there is none that can take a text. */
    public static String number(Contact contact) {
        String number = OutboundSms.normalise(contact.phone());
        if (number == null || !number.matches("\\+?[0-9]{7,15}")) {
            throw CrmException.invalid("contactId", contact.fullName() + " has no phone number a text can go to"
                    + (contact.phone() == null ? "" : " ('" + contact.phone() + "')"));
        }
        return number;
    }

    public static void checkBody(String body) {
        if (body == null || body.isBlank()) throw CrmException.invalid("body", "is required");
        if (body.length() > MAX_BODY) throw CrmException.invalid("body", "at most " + MAX_BODY + " characters");
    }

    /** @return false when this key was queued before (nothing new happened) */
    public boolean toContact(Actor actor, UUID contactId, String body, String idempotencyKey) {
        checkBody(body);
        return unitOfWork.atomically(actor.tenant(), () -> {
            Contact contact = contacts.get(actor, contactId);
            OutboundSms sms = new OutboundSms(number(contact), body.strip(), contactId.toString(),
                    actor.userId() == null ? null : actor.userId().toString());
            if (!outbox.enqueue(actor.tenant(), OutboundSms.KIND, sms.toPayload(), idempotencyKey)) return false;
            Interaction logged = interactions.log(actor, Map.of("contactId", contactId.toString(), "type", "sms",
                    "direction", "outbound", "content", sms.body()));
            interactions.addMetadata(actor, logged.id(), Map.of("delivery", "queued", "outboxKey", idempotencyKey,
                    "to", sms.to()));
            return true;
        });
    }
}
