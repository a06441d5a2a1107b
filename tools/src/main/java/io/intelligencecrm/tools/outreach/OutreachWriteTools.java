package io.intelligencecrm.tools.outreach;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.invocation.InvocationParameters;
import io.intelligencecrm.core.contact.Contact;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.proposal.ProposalService;
import io.intelligencecrm.outreach.suppression.SuppressionList;
import io.intelligencecrm.tools.CrmServices;
import io.intelligencecrm.tools.ProposalResult;
import io.intelligencecrm.tools.ToolArguments;
import io.intelligencecrm.tools.ToolCall;
import io.intelligencecrm.tools.proposal.MergeFields;
import io.intelligencecrm.tools.proposal.SendEmailHandler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Asking to send email or a text: always a proposal the user approves; never sent from here. Roles that write only.
 * Contacts on the suppression list are left out when the proposal is made, and its card says so.
 */
public final class OutreachWriteTools {
    private final CrmServices services;
    private final ProposalService proposals;
    private final SuppressionList suppressions;

    /** @param suppressions null skips the check here (delivery still checks at send time) */
    public OutreachWriteTools(CrmServices services, ProposalService proposals, SuppressionList suppressions) {
        this.services = services;
        this.proposals = proposals;
        this.suppressions = suppressions;
    }

    @Tool("PROPOSES sending an email to one contact; nothing is sent until the user approves it.")
    public ProposalResult proposeSendEmail(
            @P("the contact's id") String contactId,
            @P("the subject line") String subject,
            @P("the plain-text body") String body,
            InvocationParameters parameters) {
        return propose(List.of(contactId), subject, body, parameters);
    }

    @Tool("PROPOSES sending the same email to several contacts (at most 50); nothing is sent until the user "
            + "approves it. Subject and body may use " + MergeFields.KNOWN + ", filled in for each recipient.")
    public ProposalResult proposeSendEmails(
            @P("the contacts' ids") List<String> contactIds,
            @P("the subject line") String subject,
            @P("the plain-text body, e.g. starting 'Hi {{firstName}},'") String body,
            InvocationParameters parameters) {
        return propose(contactIds, subject, body, parameters);
    }

    @Tool("PROPOSES sending a text message (SMS) to one contact's phone; nothing is sent until the user approves "
            + "it, and it waits outside the quiet hours in the contact's time zone. The body may use "
            + MergeFields.KNOWN + ".")
    public ProposalResult proposeSendSms(
            @P("the contact's id") String contactId,
            @P("the text, at most 1600 characters") String body,
            InvocationParameters parameters) {
        ToolCall call = ToolCall.of(parameters);
        return ProposalResult.of(new SmsProposals(services.contacts(), proposals, suppressions)
                .propose(call.actor(), call.conversationId(), ToolArguments.id("contactId", contactId), body));
    }

    private ProposalResult propose(List<String> contactIds, String subject, String body,
                                   InvocationParameters parameters) {
        ToolCall call = ToolCall.of(parameters);
        List<UUID> ids = ToolArguments.ids("contactIds", contactIds);
        if (ids.size() > SendEmailHandler.MAX_RECIPIENTS) {
            throw CrmException.invalid("contactIds", "at most " + SendEmailHandler.MAX_RECIPIENTS
                    + " recipients per proposal; split the list");
        }
        if (!ToolArguments.given(subject)) throw CrmException.invalid("subject", "is required");
        if (!ToolArguments.given(body)) throw CrmException.invalid("body", "is required");
        List<Contact> contacts = new ArrayList<>();
        List<String> withoutEmail = new ArrayList<>();
        for (UUID id : ids) {
            Contact contact = services.contacts().get(call.actor(), id);
            if (contact.email() == null) withoutEmail.add(contact.fullName() + " (" + id + ")");
            else contacts.add(contact);
        }
        if (!withoutEmail.isEmpty()) {
            throw CrmException.invalid("contactIds", "these contacts have no email address, so they cannot be emailed: "
                    + String.join(", ", withoutEmail) + ". Remove them or add their email first.");
        }
        Map<String, String> suppressed = suppressions == null ? Map.of()
                : suppressions.reasons(call.actor().tenant(), contacts.stream().map(Contact::email).toList());
        List<String> recipients = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        List<UUID> kept = new ArrayList<>();
        for (Contact contact : contacts) {
            String reason = suppressed.get(SuppressionList.normalise(contact.email()));
            String label = contact.fullName() + " <" + contact.email() + ">";
            if (reason != null) {
                leftOut.add(label + ": " + reason);
            } else {
                recipients.add(label);
                kept.add(contact.id());
            }
        }
        if (kept.isEmpty()) {
            throw CrmException.invalid("contactIds", "nothing to send: every recipient is on the suppression list ("
                    + String.join("; ", leftOut) + "), so no email may go to them");
        }
        Map<String, Object> arguments = new LinkedHashMap<>();
        // Minted now and stored with the proposal: the outbox keys derive from it, so approval queues each mail once.
        arguments.put("sendId", UUID.randomUUID().toString());
        arguments.put("contactIds", kept.stream().map(UUID::toString).toList());
        arguments.put("subject", subject.trim());
        arguments.put("body", body.strip());
        String to = recipients.size() <= 3 ? String.join(", ", recipients) : recipients.size() + " contacts";
        String summary = "Send \"" + subject.trim() + "\" to " + to + (leftOut.isEmpty() ? ""
                : " (left out, on the suppression list: " + String.join("; ", leftOut) + ")");
        return ProposalResult.of(proposals.propose(call.actor(), call.conversationId(), SendEmailHandler.ACTION,
                arguments, summary));
    }
}
