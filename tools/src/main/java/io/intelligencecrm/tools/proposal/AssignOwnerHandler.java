package io.intelligencecrm.tools.proposal;

import io.intelligencecrm.core.contact.Contact;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.proposal.ProposalHandler;
import io.intelligencecrm.tools.CrmServices;
import java.util.Map;
import java.util.UUID;

/** {@code contact.assign_owner}: gives a contact someone else owns to another team member. */
public final class AssignOwnerHandler implements ProposalHandler {
    public static final String ACTION = "contact.assign_owner";

    private final CrmServices services;

    public AssignOwnerHandler(CrmServices services) {
        this.services = services;
    }

    @Override
    public String action() {
        return ACTION;
    }

    @Override
    public void validate(Actor actor, Map<String, Object> arguments) {
        UUID contactId = Arguments.id(arguments, "contactId");
        UUID ownerId = Arguments.id(arguments, "ownerId");
        ContactAccess.requireWritable(services, actor, contactId);
        NewOwner.requireAssignable(services, actor, ownerId, "contacts");
    }

    @Override
    public Map<String, Object> execute(Actor actor, Map<String, Object> arguments) {
        UUID ownerId = Arguments.id(arguments, "ownerId");
        Contact contact = services.contacts().assignOwner(actor, Arguments.id(arguments, "contactId"), ownerId);
        return Map.of("contactId", contact.id().toString(), "ownerId", ownerId.toString(),
                "result", contact.fullName() + " is now owned by " + services.users().get(actor, ownerId).fullName());
    }
}
