package io.intelligencecrm.tools.audience;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.invocation.InvocationParameters;
import io.intelligencecrm.core.analytics.Period;
import io.intelligencecrm.core.company.Company;
import io.intelligencecrm.core.contact.Contact;
import io.intelligencecrm.core.contact.ContactQuery;
import io.intelligencecrm.core.contact.LifecycleStage;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.interaction.Interaction;
import io.intelligencecrm.core.interaction.InteractionQuery;
import io.intelligencecrm.core.interaction.InteractionType;
import io.intelligencecrm.core.paging.Page;
import io.intelligencecrm.outreach.suppression.SuppressionList;
import io.intelligencecrm.tools.CrmServices;
import io.intelligencecrm.tools.Listing;
import io.intelligencecrm.tools.ToolArguments;
import io.intelligencecrm.tools.ToolCall;
import io.intelligencecrm.tools.proposal.ContactAccess;
import io.intelligencecrm.tools.proposal.SendEmailHandler;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Resolving "everyone I met last week" or "my customers in Germany" to the recipients of one shared
 * email. Read-only: it sends and proposes nothing; its ids go to proposeSendEmails, which a person
 * approves. Contacts it cannot reach are named, so nobody is dropped without the user knowing.
 */
public final class AudienceTools {
    private static final int PAGE = 100;

    private final CrmServices services;
    private final SuppressionList suppressions;

    public AudienceTools(CrmServices services, SuppressionList suppressions) {
        this.services = services;
        this.suppressions = suppressions;
    }

    @Tool("Finds the contacts one shared email to a group would go to (at most " + SendEmailHandler.MAX_RECIPIENTS
            + "), by any mix of filters, and names the group's contacts that cannot be emailed (no address, "
            + "unsubscribed). Sends nothing; give the ids to proposeSendEmails.")
    public EmailAudience findEmailAudience(
            @P(value = "words to match against name, email, phone and company name", required = false) String query,
            @P(value = "lifecycle stage: lead, qualified, customer or lost", required = false) String stage,
            @P(value = "only contacts of the company with this name", required = false) String companyName,
            @P(value = "the contacts' country: an ISO code (DE) or its English name (Germany)", required = false)
            String country,
            @P(value = "true for only the user's own contacts", required = false) Boolean onlyMine,
            @P(value = "only contacts with an interaction in this period, e.g. last week, this month, last 14 days",
                    required = false) String interactedIn,
            @P(value = "with interactedIn: only interactions of this type (meeting, call, email, note, sms)",
                    required = false) String interactionType,
            InvocationParameters parameters) {
        ToolCall call = ToolCall.of(parameters);
        Actor actor = call.actor();
        LifecycleStage lifecycle = ToolArguments.optionalChoice("stage", stage, LifecycleStage.class);
        InteractionType type = ToolArguments.optionalChoice("interactionType", interactionType, InteractionType.class);
        String countryCode = Countries.code(country);
        UUID companyId = null;
        if (ToolArguments.given(companyName)) {
            List<Company> companies = services.companies().findByName(actor, companyName, 1);
            if (companies.isEmpty()) return empty("No company matches '" + companyName + "'; try findCompanies.");
            companyId = companies.getFirst().id();
        }
        ContactQuery filters = new ContactQuery(ToolArguments.trimmed(query),
                Boolean.TRUE.equals(onlyMine) ? actor.userId() : null, lifecycle, companyId, null, null, null, null,
                null, null, null, Map.of(), null, null, null, null, false);
        List<Contact> group;
        if (ToolArguments.given(interactedIn)) {
            // From the timeline, not the contact list: the list is read only up to its count limit.
            group = touched(actor, ToolArguments.period(interactedIn, call), type, call);
            group.removeIf(contact -> !matches(contact, filters));
            if (filters.q() != null) {
                Set<UUID> found = new HashSet<>(all((cursor, size) -> services.contacts().list(actor,
                        filters.withCursor(cursor).withLimit(size))).stream().map(Contact::id).toList());
                group.removeIf(contact -> !found.contains(contact.id()));
            }
        } else {
            group = all((cursor, size) -> services.contacts().list(actor, filters.withCursor(cursor).withLimit(size)));
        }
        if (countryCode != null) group.removeIf(contact -> !countryCode.equalsIgnoreCase(contact.country()));
        return audience(actor, group);
    }

    private EmailAudience audience(Actor actor, List<Contact> group) {
        Set<String> suppressed = suppressions.suppressed(actor.tenant(), group.stream().map(Contact::email)
                .filter(email -> email != null).toList());
        List<String> withoutEmail = new ArrayList<>();
        List<String> unsubscribed = new ArrayList<>();
        List<String> notYours = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        int overCap = 0;
        for (Contact contact : group) {
            if (contact.email() == null) {
                withoutEmail.add(contact.fullName());
            } else if (suppressed.contains(SuppressionList.normalise(contact.email()))) {
                unsubscribed.add(contact.fullName() + " <" + contact.email() + ">");
            } else if (!ContactAccess.repMayWrite(services, actor, contact)) {
                notYours.add(contact.fullName());
            } else if (rows.size() < SendEmailHandler.MAX_RECIPIENTS) {
                rows.add(java.util.Arrays.asList(contact.id().toString(), contact.fullName(), contact.email(),
                        contact.companyName(), contact.lifecycleStage().stored()));
            } else {
                overCap++;
            }
        }
        String note = group.isEmpty() ? "No contacts match."
                : rows.size() + " of the " + group.size() + " matching contacts can be emailed."
                + (overCap > 0 ? " " + overCap + " more are left out: one email goes to at most "
                + SendEmailHandler.MAX_RECIPIENTS + " recipients." : "")
                + " Nothing is sent; proposeSendEmails asks the user to approve.";
        return new EmailAudience("Recipients", columns(), rows, group.size(), withoutEmail, unsubscribed, notYours,
                overCap, note);
    }

    /** Live contacts with an interaction in the period (of the type when one is given), most recent first. */
    private List<Contact> touched(Actor actor, Period period, InteractionType type, ToolCall call) {
        Set<UUID> ids = new LinkedHashSet<>();
        for (Interaction interaction : all((cursor, size) -> services.interactions().list(actor,
                new InteractionQuery(null, null, type, null, null, period.start(call.zone()), period.end(call.zone()),
                        null, cursor, size, false)))) {
            if (interaction.contactId() != null) ids.add(interaction.contactId());
        }
        List<Contact> contacts = new ArrayList<>();
        for (UUID id : ids) {
            try {
                Contact contact = services.contacts().get(actor, id);
                if (contact.deletedAt() == null) contacts.add(contact);
            } catch (CrmException gone) {
                // deleted or merged away since the interaction was logged: not in the group
            }
        }
        return contacts;
    }

    private static boolean matches(Contact contact, ContactQuery filters) {
        return (filters.ownerId() == null || filters.ownerId().equals(contact.ownerId()))
                && (filters.stage() == null || filters.stage() == contact.lifecycleStage())
                && (filters.companyId() == null || filters.companyId().equals(contact.companyId()));
    }

    /** Every row a listing has, page by page, up to {@link Listing#COUNT_LIMIT}. */
    private static <T> List<T> all(BiFunction<String, Integer, Page<T>> fetch) {
        List<T> rows = new ArrayList<>();
        String cursor = null;
        do {
            Page<T> page = fetch.apply(cursor, PAGE);
            rows.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null && rows.size() < Listing.COUNT_LIMIT);
        return rows;
    }

    private static EmailAudience empty(String note) {
        return new EmailAudience("Recipients", columns(), List.of(), 0, List.of(), List.of(), List.of(), 0, note);
    }

    private static List<String> columns() {
        return List.of("id", "name", "email", "company", "stage");
    }
}
