package io.intelligencecrm.tools.proposal;

import io.intelligencecrm.core.contact.Contact;
import io.intelligencecrm.core.deal.DealQuery;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.identity.Permissions;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.tools.CrmServices;
import java.util.Objects;
import java.util.UUID;

/**
 * Early refusal at proposal time of what the service would refuse at approval: a live contact the
 * actor may write. The service checks again when the proposal executes; this only spares the user
 * an approval that could never succeed.
 */
public final class ContactAccess {
    private ContactAccess() {
    }

    static Contact requireWritable(CrmServices services, Actor actor, UUID contactId) {
        Contact contact = services.contacts().get(actor, contactId);
        Permissions.requireWriter(actor);
        if (!repMayWrite(services, actor, contact)) {
            throw CrmException.forbidden("Reps can only change contacts they own or are assigned to: "
                    + contact.fullName() + " is not yours");
        }
        return contact;
    }

    /** False only for a rep and a contact neither they nor one of their deals holds. */
    public static boolean repMayWrite(CrmServices services, Actor actor, Contact contact) {
        return actor.role() != Role.REP || Objects.equals(contact.ownerId(), actor.userId())
                || ownsADeal(services, actor, contact.id());
    }

    private static boolean ownsADeal(CrmServices services, Actor actor, UUID contactId) {
        return !services.deals().list(actor, new DealQuery(null, actor.userId(), null, null, null, contactId, null,
                null, null, null, null, null, null, 1, false)).items().isEmpty();
    }
}
