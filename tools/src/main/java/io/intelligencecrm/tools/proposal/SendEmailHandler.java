package io.intelligencecrm.tools.proposal;

import io.intelligencecrm.core.contact.Contact;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.interaction.Interaction;
import io.intelligencecrm.core.proposal.ProposalHandler;
import io.intelligencecrm.tools.CrmServices;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code email.send}: queues one outbox message per recipient and logs the email on each contact's
 * timeline, marked as queued; the outreach module's dispatcher delivers them and fills in the
 * delivery status (sent, suppressed, deferred, failed, bounced). The idempotency key {@code proposal:<sendId>:<contactId>} uses the id minted when the
 * proposal was made, so a repeated execution cannot queue a recipient twice. Subject and body may
 * carry {@link MergeFields}, filled in per recipient.
 */
public final class SendEmailHandler implements ProposalHandler {
    public static final String ACTION = "email.send";
    public static final String OUTBOX_KIND = "email.send";
    public static final int MAX_RECIPIENTS = 50;
    public static final int MAX_SUBJECT = 200;
    public static final int MAX_BODY = 20_000;

    private final CrmServices services;

    public SendEmailHandler(CrmServices services) {
        this.services = services;
    }

    @Override
    public String action() {
        return ACTION;
    }

    @Override
    public void validate(Actor actor, Map<String, Object> arguments) {
        Arguments.id(arguments, "sendId");
        String subject = Arguments.text(arguments, "subject");
        String body = Arguments.text(arguments, "body");
        if (subject.length() > MAX_SUBJECT) throw CrmException.invalid("subject", "at most " + MAX_SUBJECT + " characters");
        if (body.length() > MAX_BODY) throw CrmException.invalid("body", "at most " + MAX_BODY + " characters");
        MergeFields.check("subject", subject);
        MergeFields.check("body", body);
        List<UUID> ids = Arguments.ids(arguments, "contactIds");
        if (ids.size() > MAX_RECIPIENTS) {
            throw CrmException.invalid("contactIds", "at most " + MAX_RECIPIENTS + " recipients per email proposal");
        }
        for (UUID id : ids) {
            Contact contact = ContactAccess.requireWritable(services, actor, id);
            if (contact.email() == null) {
                throw CrmException.invalid("contactIds", contact.fullName() + " (" + id + ") has no email address");
            }
        }
    }

    @Override
    public Map<String, Object> execute(Actor actor, Map<String, Object> arguments) {
        UUID sendId = Arguments.id(arguments, "sendId");
        String subject = Arguments.text(arguments, "subject");
        String body = Arguments.text(arguments, "body");
        int queued = 0;
        for (UUID contactId : Arguments.ids(arguments, "contactIds")) {
            Contact contact = services.contacts().get(actor, contactId);
            if (contact.email() == null) {
                throw CrmException.invalid("contactIds", contact.fullName() + " no longer has an email address");
            }
            String key = "proposal:" + sendId + ":" + contactId;
            String personalSubject = MergeFields.fill(subject, contact);
            String personalBody = MergeFields.fill(body, contact);
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("sendId", sendId.toString());
            payload.put("contactId", contactId.toString());
            payload.put("to", contact.email());
            payload.put("subject", personalSubject);
            payload.put("body", personalBody);
            payload.put("senderUserId", actor.userId() == null ? null : actor.userId().toString());
            if (!services.outbox().enqueue(actor.tenant(), OUTBOX_KIND, payload, key)) continue;
            queued++;
            Interaction logged = services.interactions().log(actor, Map.of("contactId", contactId.toString(),
                    "type", "email", "direction", "outbound", "subject", personalSubject, "content", personalBody));
            services.interactions().addMetadata(actor, logged.id(), Map.of("delivery", "queued",
                    "outboxKey", key, "note", "queued for delivery"));
        }
        return Map.of("queued", queued, "result", "queued for delivery to " + queued + " recipients");
    }
}
