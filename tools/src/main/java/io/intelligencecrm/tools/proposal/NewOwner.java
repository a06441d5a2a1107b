package io.intelligencecrm.tools.proposal;

import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.identity.Permissions;
import io.intelligencecrm.core.user.User;
import io.intelligencecrm.tools.CrmServices;
import java.util.UUID;

/** The checks shared by every "give this record to someone" proposal, made before anyone is asked to approve. */
final class NewOwner {
    private NewOwner() {
    }

    /** Only managers give records to someone else, and only to an active team member. */
    static void requireAssignable(CrmServices services, Actor actor, UUID ownerId, String records) {
        if (!ownerId.equals(actor.userId())) Permissions.requireManager(actor, "give " + records + " to someone else");
        User owner = services.users().get(actor, ownerId);
        if (!owner.active()) throw CrmException.invalid("ownerId", owner.email() + " is deactivated");
    }
}
