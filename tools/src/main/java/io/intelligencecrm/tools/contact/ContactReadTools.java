package io.intelligencecrm.tools.contact;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.invocation.InvocationParameters;
import io.intelligencecrm.core.company.Company;
import io.intelligencecrm.core.contact.Contact;
import io.intelligencecrm.core.contact.ContactDetails;
import io.intelligencecrm.core.contact.ContactQuery;
import io.intelligencecrm.core.contact.LifecycleStage;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.interaction.Interaction;
import io.intelligencecrm.tools.CrmServices;
import io.intelligencecrm.tools.Listing;
import io.intelligencecrm.tools.OwnerScope;
import io.intelligencecrm.tools.TableResult;
import io.intelligencecrm.tools.Team;
import io.intelligencecrm.tools.ToolArguments;
import io.intelligencecrm.tools.ToolCall;
import io.intelligencecrm.tools.Views;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Finding and reading contacts; available to every role. */
public final class ContactReadTools {
    private static final int RECENT = 5;
    private static final int EXCERPT = 240;

    private final CrmServices services;

    public ContactReadTools(CrmServices services) {
        this.services = services;
    }

    @Tool("Searches contacts by free text (name, email, phone, company) and filters: stage, company, owner, lead "
            + "score range, and how long since anyone was in touch. Returns a table with each contact's id; use the "
            + "id with other contact tools. 'my leads with a score over 90' is stage lead, onlyMine, minScore 90.")
    public TableResult searchContacts(
            @P(value = "words to match against name, email, phone and company name; leave out to filter only",
                    required = false) String query,
            @P(value = "lifecycle stage: lead, qualified, customer or lost", required = false) String stage,
            @P(value = "only contacts of the company with this name", required = false) String companyName,
            @P(value = "true for only the user's own contacts", required = false) Boolean onlyMine,
            @P(value = OwnerScope.DESCRIPTION, required = false) String owner,
            @P(value = "how many rows to show, at most 20 (default 20)", required = false) Integer limit,
            @P(value = "lowest lead score, 0-100", required = false) Integer minScore,
            @P(value = "highest lead score, 0-100", required = false) Integer maxScore,
            @P(value = "only contacts with no call, email, meeting or note in this many days", required = false)
            Integer notContactedDays,
            InvocationParameters parameters) {
        ToolCall call = ToolCall.of(parameters);
        Actor actor = call.actor();
        LifecycleStage lifecycle = ToolArguments.optionalChoice("stage", stage, LifecycleStage.class);
        OwnerScope scope = OwnerScope.of(services, actor, onlyMine, owner);
        UUID companyId = null;
        if (ToolArguments.given(companyName)) {
            List<Company> companies = services.companies().findByName(actor, companyName, 1);
            if (companies.isEmpty()) {
                return new TableResult("Contacts", columns(), List.of(), "table", 0,
                        "No company matches '" + companyName + "'; try findCompanies.");
            }
            companyId = companies.getFirst().id();
        }
        if (notContactedDays != null && (notContactedDays < 1 || notContactedDays > 3650)) {
            throw CrmException.invalid("notContactedDays", "must be between 1 and 3650");
        }
        boolean byScore = minScore != null || maxScore != null;
        ContactQuery filters = new ContactQuery(ToolArguments.trimmed(query),
                scope.ownerId(), lifecycle, companyId, null, null, null, null,
                null, score("minScore", minScore), score("maxScore", maxScore), Map.of(), byScore ? "score" : null,
                null, null, null, false,
                notContactedDays == null ? null : call.clock().instant().minus(Duration.ofDays(notContactedDays)));
        Listing<Contact> listing = Listing.of(ToolArguments.limit(limit),
                (cursor, size) -> services.contacts().list(actor, filters.withCursor(cursor).withLimit(size)));
        Team team = Team.of(services.users(), actor);
        List<List<Object>> rows = new ArrayList<>();
        for (Contact contact : listing.rows()) {
            rows.add(java.util.Arrays.asList(contact.id().toString(), contact.fullName(), contact.email(),
                    contact.companyName(), contact.lifecycleStage().stored(), team.name(contact.ownerId()),
                    contact.score()));
        }
        return new TableResult(scope.title("Contacts"), columns(), rows, "table", listing.total(),
                listing.note("contacts")).of("contact");
    }

    private static BigDecimal score(String field, Integer value) {
        if (value == null) return null;
        if (value < 0 || value > 100) throw CrmException.invalid(field, "a lead score is between 0 and 100");
        return BigDecimal.valueOf(value);
    }

    @Tool("Shows one contact in full: fields, company, latest lead score, open deals and recent interactions.")
    public ContactCard getContact(
            @P("the contact's id, or their exact email address") String contactIdOrEmail,
            InvocationParameters parameters) {
        Actor actor = ToolCall.of(parameters).actor();
        UUID id = resolve(actor, contactIdOrEmail);
        ContactDetails details = services.contacts().details(actor, id);
        Team team = Team.of(services.users(), actor);
        List<ContactCard.InteractionLine> recent = details.recentInteractions().stream().limit(RECENT)
                .map(interaction -> line(interaction, team)).toList();
        return new ContactCard(Views.contact(details.contact(), team),
                details.company() == null ? null : details.company().domain(),
                details.company() == null ? null : details.company().industry(),
                details.latestScore() == null ? null : details.latestScore().score(),
                details.latestScore() == null ? null : details.latestScore().calculatedAt().toString(),
                details.openDeals().stream().map(deal -> Views.deal(deal, team)).toList(), recent);
    }

    private UUID resolve(Actor actor, String idOrEmail) {
        if (!ToolArguments.given(idOrEmail)) throw CrmException.invalid("contactIdOrEmail", "is required");
        if (!idOrEmail.contains("@")) return ToolArguments.id("contactIdOrEmail", idOrEmail);
        String email = ToolArguments.email("contactIdOrEmail", idOrEmail);
        return services.contacts().list(actor, ContactQuery.all().withText(email).withLimit(10)).items().stream()
                .filter(contact -> email.equals(contact.email())).map(Contact::id).findFirst()
                .orElseThrow(() -> CrmException.notFound("Contact with email " + email));
    }

    private static ContactCard.InteractionLine line(Interaction interaction, Team team) {
        String content = interaction.content() == null ? "" : interaction.content();
        return new ContactCard.InteractionLine(interaction.id(), interaction.type().stored(),
                interaction.direction().stored(), interaction.subject(),
                content.length() <= EXCERPT ? content : content.substring(0, EXCERPT) + "…",
                interaction.occurredAt().toString(), team.name(interaction.authorId()));
    }

    private static List<String> columns() {
        return List.of("id", "Name", "Email", "Company", "Stage", "Owner", "Score");
    }
}
