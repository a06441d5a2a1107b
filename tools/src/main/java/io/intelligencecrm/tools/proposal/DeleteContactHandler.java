package io.intelligencecrm.tools.proposal;

import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.proposal.ProposalHandler;
import io.intelligencecrm.tools.CrmServices;
import java.util.Map;
import java.util.UUID;

/** {@code contact.delete}: moves a contact to the trash (it can be restored). */
public final class DeleteContactHandler implements ProposalHandler {
    public static final String ACTION = "contact.delete";

    private final CrmServices services;

    public DeleteContactHandler(CrmServices services) {
        this.services = services;
    }

    @Override
    public String action() {
        return ACTION;
    }

    @Override
    public void validate(Actor actor, Map<String, Object> arguments) {
        ContactAccess.requireWritable(services, actor, Arguments.id(arguments, "contactId"));
    }

    @Override
    public Map<String, Object> execute(Actor actor, Map<String, Object> arguments) {
        UUID contactId = Arguments.id(arguments, "contactId");
        String name = services.contacts().get(actor, contactId).fullName();
        services.contacts().delete(actor, contactId);
        return Map.of("contactId", contactId.toString(), "result", name + " moved to the trash");
    }
}
