package io.intelligencecrm.tools.outreach;

import io.intelligencecrm.core.contact.Contact;
import io.intelligencecrm.core.contact.ContactService;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.proposal.Proposal;
import io.intelligencecrm.core.proposal.ProposalService;
import io.intelligencecrm.outreach.sms.SmsQueue;
import io.intelligencecrm.outreach.suppression.SuppressionList;
import io.intelligencecrm.tools.proposal.MergeFields;
import io.intelligencecrm.tools.proposal.SendSmsHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Proposes a text to one contact (from chat or the REST API): the number and body are checked, and a number
 * on the suppression list (a STOP reply) is refused now, with the reason, rather than at delivery.
 */
public final class SmsProposals {
    private final ContactService contacts;
    private final ProposalService proposals;
    private final SuppressionList suppressions;

    /** @param suppressions null skips the check here (delivery still checks) */
    public SmsProposals(ContactService contacts, ProposalService proposals, SuppressionList suppressions) {
        this.contacts = contacts;
        this.proposals = proposals;
        this.suppressions = suppressions;
    }

    public Proposal propose(Actor actor, UUID conversationId, UUID contactId, String body) {
        // The contact first: another tenant's id is not found, whatever the body.
        Contact contact = contacts.get(actor, contactId);
        SmsQueue.checkBody(body);
        MergeFields.check("body", body);
        String number = SmsQueue.number(contact);
        String reason = suppressions == null ? null : suppressions.reasons(actor.tenant(), java.util.List.of(number))
                .get(number);
        if (reason != null) {
            throw CrmException.invalid("contactId", "nothing to send: " + contact.fullName() + " (" + number
                    + ") is on the suppression list (" + reason + "), so no text may go to them");
        }
        Map<String, Object> arguments = new LinkedHashMap<>();
        // Minted now and stored with the proposal: the outbox key derives from it, so approval queues the text once.
        arguments.put("sendId", UUID.randomUUID().toString());
        arguments.put("contactId", contactId.toString());
        arguments.put("body", body.strip());
        String preview = body.strip().length() <= 60 ? body.strip() : body.strip().substring(0, 57) + "...";
        return proposals.propose(actor, conversationId, SendSmsHandler.ACTION, arguments,
                "Text " + contact.fullName() + " (" + number + "): \"" + preview + "\"");
    }
}
