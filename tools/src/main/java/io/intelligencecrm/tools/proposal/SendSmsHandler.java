package io.intelligencecrm.tools.proposal;

import io.intelligencecrm.core.contact.Contact;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.proposal.ProposalHandler;
import io.intelligencecrm.outreach.sms.SmsQueue;
import io.intelligencecrm.tools.CrmServices;
import java.util.Map;
import java.util.UUID;

/**
 * {@code sms.send}: queues one text to one contact through the outbox and logs it on the contact's timeline;
 * the outreach module delivers it (quiet hours, suppression and the provider's answer decide when and whether).
 * The key {@code proposal:<sendId>:<contactId>} uses the id minted when the proposal was made, so a repeated
 * execution cannot text the contact twice. The body may carry {@link MergeFields}.
 */
public final class SendSmsHandler implements ProposalHandler {
    public static final String ACTION = "sms.send";

    private final CrmServices services;
    private final SmsQueue queue;

    public SendSmsHandler(CrmServices services) {
        this.services = services;
        this.queue = new SmsQueue(services.unitOfWork(), services.outbox(), services.contacts(), services.interactions());
    }

    @Override
    public String action() {
        return ACTION;
    }

    @Override
    public void validate(Actor actor, Map<String, Object> arguments) {
        Arguments.id(arguments, "sendId");
        String body = Arguments.text(arguments, "body");
        SmsQueue.checkBody(body);
        MergeFields.check("body", body);
        SmsQueue.number(ContactAccess.requireWritable(services, actor, Arguments.id(arguments, "contactId")));
    }

    @Override
    public Map<String, Object> execute(Actor actor, Map<String, Object> arguments) {
        UUID sendId = Arguments.id(arguments, "sendId");
        UUID contactId = Arguments.id(arguments, "contactId");
        Contact contact = services.contacts().get(actor, contactId);
        boolean queued = queue.toContact(actor, contactId, MergeFields.fill(Arguments.text(arguments, "body"), contact),
                "proposal:" + sendId + ":" + contactId);
        return Map.of("queued", queued ? 1 : 0, "result", queued ? "text queued for delivery to " + contact.fullName()
                : "this text was queued before");
    }
}
