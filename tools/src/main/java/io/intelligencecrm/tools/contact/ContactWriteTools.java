package io.intelligencecrm.tools.contact;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.invocation.InvocationParameters;
import io.intelligencecrm.core.contact.Contact;
import io.intelligencecrm.core.contact.LifecycleStage;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.interaction.Direction;
import io.intelligencecrm.core.interaction.Interaction;
import io.intelligencecrm.core.interaction.InteractionType;
import io.intelligencecrm.core.proposal.ProposalService;
import io.intelligencecrm.core.user.User;
import io.intelligencecrm.tools.CrmServices;
import io.intelligencecrm.tools.ProposalResult;
import io.intelligencecrm.tools.Team;
import io.intelligencecrm.tools.ToolArguments;
import io.intelligencecrm.tools.ToolCall;
import io.intelligencecrm.tools.Views;
import io.intelligencecrm.tools.Views.ContactView;
import io.intelligencecrm.tools.proposal.AssignOwnerHandler;
import io.intelligencecrm.tools.proposal.ChangeStagesHandler;
import io.intelligencecrm.tools.proposal.DeleteContactHandler;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Changing contacts. Only handed to roles that write; the services still check every permission.
 * Deletes, bulk changes and taking over someone else's contact become proposals the user approves.
 */
public final class ContactWriteTools {
    /** Up to this many contacts change at once without an approval. */
    public static final int DIRECT_BULK_LIMIT = 5;
    public static final int MAX_BULK = 200;
    private static final List<InteractionType> LOGGABLE = List.of(InteractionType.NOTE, InteractionType.CALL,
            InteractionType.MEETING, InteractionType.EMAIL, InteractionType.SMS);

    private final CrmServices services;
    private final ProposalService proposals;

    public ContactWriteTools(CrmServices services, ProposalService proposals) {
        this.services = services;
        this.proposals = proposals;
    }

    public record ContactSaved(String result, ContactView contact, UUID noteInteractionId) {
    }

    public record InteractionLogged(UUID interactionId, UUID contactId, String type, String direction,
                                    String occurredAt) {
    }

    public record StageChanges(String stage, List<ContactView> changed, List<String> refused) {
    }

    @Tool("Creates a contact owned by the user. Give at least a name or an email. A note, when given, is logged "
            + "on the new contact's timeline.")
    public ContactSaved createContact(
            @P(value = "first name", required = false) String firstName,
            @P(value = "last name", required = false) String lastName,
            @P(value = "email address", required = false) String email,
            @P(value = "phone number", required = false) String phone,
            @P(value = "job title", required = false) String title,
            @P(value = "company name; the company is found or created", required = false) String companyName,
            @P(value = "lifecycle stage: lead (default), qualified, customer or lost", required = false) String stage,
            @P(value = "where the contact came from, e.g. website, referral, event", required = false) String source,
            @P(value = "a note to log on the contact, e.g. how you met", required = false) String note,
            InvocationParameters parameters) {
        Actor actor = ToolCall.of(parameters).actor();
        Map<String, Object> fields = new LinkedHashMap<>();
        put(fields, "firstName", firstName);
        put(fields, "lastName", lastName);
        put(fields, "email", ToolArguments.email("email", email));
        put(fields, "phone", phone);
        put(fields, "title", title);
        put(fields, "companyName", companyName);
        LifecycleStage lifecycle = ToolArguments.optionalChoice("stage", stage, LifecycleStage.class);
        if (lifecycle != null) fields.put("lifecycleStage", lifecycle.stored());
        put(fields, "source", source);
        // One transaction: a refused note leaves no contact behind.
        return services.unitOfWork().atomically(actor.tenant(), () -> {
            Contact contact = services.contacts().create(actor, fields);
            UUID noteId = !ToolArguments.given(note) ? null : services.interactions().log(actor, Map.of("contactId",
                    contact.id().toString(), "type", InteractionType.NOTE.stored(), "content", note.trim())).id();
            return new ContactSaved(noteId == null ? "created" : "created, note logged",
                    Views.contact(contact, Team.of(services.users(), actor)), noteId);
        });
    }

    @Tool("Changes a contact's fields. Only the fields given change; leave the others out.")
    public ContactSaved updateContact(
            @P("the contact's id") String contactId,
            @P(value = "new first name", required = false) String firstName,
            @P(value = "new last name", required = false) String lastName,
            @P(value = "new email address", required = false) String email,
            @P(value = "new phone number", required = false) String phone,
            @P(value = "new job title", required = false) String title,
            @P(value = "new company name; the company is found or created", required = false) String companyName,
            @P(value = "new source, e.g. website, referral, event", required = false) String source,
            @P(value = "new country", required = false) String country,
            InvocationParameters parameters) {
        Actor actor = ToolCall.of(parameters).actor();
        UUID id = ToolArguments.id("contactId", contactId);
        Map<String, Object> patch = new LinkedHashMap<>();
        put(patch, "firstName", firstName);
        put(patch, "lastName", lastName);
        put(patch, "email", ToolArguments.email("email", email));
        put(patch, "phone", phone);
        put(patch, "title", title);
        put(patch, "companyName", companyName);
        put(patch, "source", source);
        put(patch, "country", country);
        if (patch.isEmpty()) throw CrmException.invalid("fields", "give at least one field to change");
        Contact contact = services.contacts().update(actor, id, patch);
        return new ContactSaved("updated: " + String.join(", ", patch.keySet()),
                Views.contact(contact, Team.of(services.users(), actor)), null);
    }

    @Tool("Moves a contact to another lifecycle stage.")
    public ContactSaved changeContactStage(
            @P("the contact's id") String contactId,
            @P("the new stage: lead, qualified, customer or lost") String stage,
            InvocationParameters parameters) {
        Actor actor = ToolCall.of(parameters).actor();
        UUID id = ToolArguments.id("contactId", contactId);
        LifecycleStage lifecycle = ToolArguments.choice("stage", stage, LifecycleStage.class);
        Contact contact = services.contacts().changeStage(actor, id, lifecycle);
        return new ContactSaved("stage is now " + lifecycle.stored(),
                Views.contact(contact, Team.of(services.users(), actor)), null);
    }

    @Tool("Gives a contact to another team member. If someone other than the user owns the contact now, this "
            + "only PROPOSES the change; the user must approve it.")
    public Object assignContactOwner(
            @P("the contact's id") String contactId,
            @P("email of the team member who should own the contact") String ownerEmail,
            InvocationParameters parameters) {
        ToolCall call = ToolCall.of(parameters);
        Actor actor = call.actor();
        UUID id = ToolArguments.id("contactId", contactId);
        if (!ToolArguments.given(ownerEmail)) throw CrmException.invalid("ownerEmail", "is required");
        Team team = Team.of(services.users(), actor);
        User owner = team.byEmail("ownerEmail", ownerEmail);
        Contact contact = services.contacts().get(actor, id);
        // Taking a contact away from a colleague needs a person's explicit yes.
        if (contact.ownerId() != null && !Objects.equals(contact.ownerId(), actor.userId())) {
            return ProposalResult.of(proposals.propose(actor, call.conversationId(), AssignOwnerHandler.ACTION,
                    Map.of("contactId", id.toString(), "ownerId", owner.id().toString()),
                    "Give " + contact.fullName() + " to " + team.name(owner.id()) + " (now owned by "
                            + team.name(contact.ownerId()) + ")"));
        }
        Contact changed = services.contacts().assignOwner(actor, id, owner.id());
        return new ContactSaved("now owned by " + team.name(owner.id()), Views.contact(changed, team), null);
    }

    @Tool("Logs an interaction (note, call, meeting, email or sms) on a contact's timeline.")
    public InteractionLogged logInteraction(
            @P("the contact's id") String contactId,
            @P("the kind: note, call, meeting, email or sms") String type,
            @P("what happened, in a few sentences") String content,
            @P(value = "inbound or outbound (not used for notes; default outbound)", required = false) String direction,
            @P(value = "when it happened: ISO date or date-time (2026-11-24, 2026-11-24T14:30), today or yesterday;"
                    + " default now", required = false) String occurredAt,
            InvocationParameters parameters) {
        ToolCall call = ToolCall.of(parameters);
        UUID id = ToolArguments.id("contactId", contactId);
        InteractionType kind = ToolArguments.choice("type", type, InteractionType.class);
        if (!LOGGABLE.contains(kind)) throw CrmException.invalid("type", "use one of note, call, meeting, email, sms");
        if (!ToolArguments.given(content)) throw CrmException.invalid("content", "is required: what happened?");
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("contactId", id.toString());
        fields.put("type", kind.stored());
        fields.put("content", content.trim());
        if (kind == InteractionType.NOTE) {
            fields.put("direction", Direction.INTERNAL.stored());
        } else if (ToolArguments.given(direction)) {
            Direction chosen = ToolArguments.choice("direction", direction, Direction.class);
            if (chosen == Direction.INTERNAL) throw CrmException.invalid("direction", "use inbound or outbound");
            fields.put("direction", chosen.stored());
        }
        Instant when = occurredAt(occurredAt, call);
        if (when != null) fields.put("occurredAt", when.toString());
        Interaction logged = services.interactions().log(call.actor(), fields);
        return new InteractionLogged(logged.id(), id, logged.type().stored(), logged.direction().stored(),
                logged.occurredAt().toString());
    }

    @Tool("Moves an interaction the user logged to another contact, e.g. a call logged on the wrong person "
            + "('no, I meant the other Jane'). Only the person who logged it may move it.")
    public InteractionLogged moveInteraction(
            @P("the interaction's id, as logInteraction returned it") String interactionId,
            @P("the id of the contact it belongs to") String contactId,
            InvocationParameters parameters) {
        Interaction moved = services.interactions().move(ToolCall.of(parameters).actor(),
                ToolArguments.id("interactionId", interactionId), ToolArguments.id("contactId", contactId));
        return new InteractionLogged(moved.id(), moved.contactId(), moved.type().stored(), moved.direction().stored(),
                moved.occurredAt().toString());
    }

    @Tool("Deletes a contact (moves it to the trash). This only PROPOSES the deletion; the user must approve it.")
    public ProposalResult deleteContact(
            @P("the contact's id") String contactId,
            InvocationParameters parameters) {
        ToolCall call = ToolCall.of(parameters);
        UUID id = ToolArguments.id("contactId", contactId);
        Contact contact = services.contacts().get(call.actor(), id);
        return ProposalResult.of(proposals.propose(call.actor(), call.conversationId(), DeleteContactHandler.ACTION,
                Map.of("contactId", id.toString()),
                "Delete contact " + contact.fullName() + (contact.email() == null ? "" : " <" + contact.email() + ">")));
    }

    @Tool("Moves several contacts to one lifecycle stage. Up to 5 change at once; more than 5 (at most 200) "
            + "only PROPOSES the change for the user to approve.")
    public Object bulkChangeContactStage(
            @P("the contacts' ids") List<String> contactIds,
            @P("the new stage: lead, qualified, customer or lost") String stage,
            InvocationParameters parameters) {
        ToolCall call = ToolCall.of(parameters);
        Actor actor = call.actor();
        List<UUID> ids = ToolArguments.ids("contactIds", contactIds);
        LifecycleStage lifecycle = ToolArguments.choice("stage", stage, LifecycleStage.class);
        if (ids.size() > MAX_BULK) throw CrmException.invalid("contactIds", "at most " + MAX_BULK + " at a time");
        if (ids.size() > DIRECT_BULK_LIMIT) {
            return ProposalResult.of(proposals.propose(actor, call.conversationId(), ChangeStagesHandler.ACTION,
                    Map.of("contactIds", ids.stream().map(UUID::toString).toList(), "stage", lifecycle.stored()),
                    "Move " + ids.size() + " contacts to stage " + lifecycle.stored()));
        }
        Team team = Team.of(services.users(), actor);
        List<ContactView> changed = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (UUID id : ids) {
            try {
                changed.add(Views.contact(services.contacts().changeStage(actor, id, lifecycle), team));
            } catch (CrmException e) {
                refused.add(id + ": " + e.getMessage());
            }
        }
        return new StageChanges(lifecycle.stored(), changed, refused);
    }

    private static Instant occurredAt(String text, ToolCall call) {
        if (!ToolArguments.given(text) || text.trim().equalsIgnoreCase("now")) return null;
        String value = text.trim();
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notInstant) {
            try {
                return LocalDateTime.parse(value).atZone(call.zone()).toInstant();
            } catch (DateTimeParseException notLocal) {
                LocalDate day = ToolArguments.date("occurredAt", value, call);
                // A bare day: midday keeps it on that date in the user's calendar.
                return day.atTime(LocalTime.NOON).atZone(call.zone()).toInstant();
            }
        }
    }

    private static void put(Map<String, Object> fields, String name, String value) {
        if (ToolArguments.given(value)) fields.put(name, value.trim());
    }
}
