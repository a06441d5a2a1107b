package io.intelligencecrm.tools.proposal;

import io.intelligencecrm.core.deal.Deal;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.identity.Permissions;
import io.intelligencecrm.core.proposal.ProposalHandler;
import io.intelligencecrm.tools.CrmServices;
import java.util.Map;
import java.util.UUID;

/** {@code deal.assign_owner}: gives a deal someone else owns to another team member. */
public final class AssignDealOwnerHandler implements ProposalHandler {
    public static final String ACTION = "deal.assign_owner";

    private final CrmServices services;

    public AssignDealOwnerHandler(CrmServices services) {
        this.services = services;
    }

    @Override
    public String action() {
        return ACTION;
    }

    @Override
    public void validate(Actor actor, Map<String, Object> arguments) {
        Deal deal = services.deals().get(actor, Arguments.id(arguments, "dealId"));
        UUID ownerId = Arguments.id(arguments, "ownerId");
        Permissions.requireWrite(actor, deal.ownerId(), false, "deals");
        NewOwner.requireAssignable(services, actor, ownerId, "deals");
    }

    @Override
    public Map<String, Object> execute(Actor actor, Map<String, Object> arguments) {
        UUID ownerId = Arguments.id(arguments, "ownerId");
        Deal deal = services.deals().update(actor, Arguments.id(arguments, "dealId"), Map.of("ownerId", ownerId.toString()));
        return Map.of("dealId", deal.id().toString(), "ownerId", ownerId.toString(),
                "result", deal.name() + " is now owned by " + services.users().get(actor, ownerId).fullName());
    }
}
