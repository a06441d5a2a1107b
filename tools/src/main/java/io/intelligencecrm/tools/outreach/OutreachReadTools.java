package io.intelligencecrm.tools.outreach;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.invocation.InvocationParameters;
import io.intelligencecrm.core.contact.Contact;
import io.intelligencecrm.core.contact.ContactQuery;
import io.intelligencecrm.core.contact.LifecycleStage;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.tools.CrmServices;
import io.intelligencecrm.tools.Listing;
import io.intelligencecrm.tools.Team;
import io.intelligencecrm.tools.ToolArguments;
import io.intelligencecrm.tools.ToolCall;
import java.util.List;
import java.util.Map;

/** Drafting emails: read-only, nothing is sent or stored. Available to every role. */
public final class OutreachReadTools {
    private final CrmServices services;

    public OutreachReadTools(CrmServices services) {
        this.services = services;
    }

    public record DraftBatch(List<EmailDraft> drafts, long matchingContacts, String note) {
    }

    @Tool("Drafts a personalised plain-text email to one contact from their record and recent interactions. "
            + "Nothing is sent; show the draft to the user.")
    public EmailDraft draftEmail(
            @P("the contact's id") String contactId,
            @P("what the email is about, e.g. 'a follow-up on the pricing call'") String purpose,
            InvocationParameters parameters) {
        ToolCall call = ToolCall.of(parameters);
        requirePurpose(purpose);
        return EmailDrafter.draft(services.contacts().details(call.actor(), ToolArguments.id("contactId", contactId)),
                purpose, senderName(call.actor()), call.zone());
    }

    @Tool("Drafts personalised plain-text emails for up to 20 contacts matching a search. Nothing is sent.")
    public DraftBatch draftEmailsForContacts(
            @P(value = "words to match against name, email, phone and company name", required = false) String query,
            @P(value = "lifecycle stage: lead, qualified, customer or lost", required = false) String stage,
            @P("what the emails are about") String purpose,
            InvocationParameters parameters) {
        ToolCall call = ToolCall.of(parameters);
        Actor actor = call.actor();
        requirePurpose(purpose);
        ContactQuery filters = ContactQuery.all().withText(ToolArguments.trimmed(query));
        LifecycleStage lifecycle = ToolArguments.optionalChoice("stage", stage, LifecycleStage.class);
        ContactQuery scoped = new ContactQuery(filters.q(), null, lifecycle, null, null, null, null, null, null, null,
                null, Map.of(), null, null, null, null, false);
        Listing<Contact> listing = Listing.of(ToolArguments.MAX_ROWS,
                (cursor, size) -> services.contacts().list(actor, scoped.withCursor(cursor).withLimit(size)));
        String sender = senderName(actor);
        List<EmailDraft> drafts = listing.rows().stream().map(contact -> EmailDrafter.draft(
                services.contacts().details(actor, contact.id()), purpose, sender, call.zone())).toList();
        return new DraftBatch(drafts, listing.total(), listing.note("contacts") + " Drafts only, nothing sent;"
                + " proposeSendEmail or proposeSendEmails asks the user to approve sending.");
    }

    private String senderName(Actor actor) {
        if (actor.userId() == null) return "";
        return Team.of(services.users(), actor).name(actor.userId());
    }

    private static void requirePurpose(String purpose) {
        if (!ToolArguments.given(purpose)) throw CrmException.invalid("purpose", "say what the email is about");
    }
}
