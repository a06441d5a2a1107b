package io.intelligencecrm.core.identity;

import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.error.ErrorCode;
import io.intelligencecrm.core.user.Role;
import java.util.Map;
import java.util.UUID;

/**
 * Who may do what. Admins: everything. Managers: every record of the tenant. Reps: read every
 * record, write only what they own or are assigned, never bulk-delete, export or erase. Viewers:
 * read every record, change nothing.
 * Checked in services, so the REST API, the agent's tools and workflows all obey it.
 */
public final class Permissions {
    private Permissions() {
    }

    public static boolean canWrite(Actor actor, UUID ownerId, boolean assigned) {
        if (!actor.role().writes()) return false;
        return actor.role() != Role.REP || assigned || (ownerId != null && ownerId.equals(actor.userId()));
    }

    public static void requireWrite(Actor actor, UUID ownerId, boolean assigned, String what) {
        requireWriter(actor);
        if (!canWrite(actor, ownerId, assigned)) {
            throw CrmException.forbidden("Reps can only change " + what + " they own or are assigned to");
        }
    }

    /** Records are created owned by their creator unless a manager or admin assigns someone else. */
    public static UUID ownerForNewRecord(Actor actor, UUID requestedOwner) {
        requireWriter(actor);
        if (requestedOwner == null || requestedOwner.equals(actor.userId())) return actor.userId();
        if (actor.role() == Role.REP) {
            throw new CrmException(ErrorCode.FORBIDDEN, "Reps can only create records they own",
                    Map.of("ownerId", "must be yourself"));
        }
        return requestedOwner;
    }

    public static void requireWriter(Actor actor) {
        if (!actor.role().writes()) throw CrmException.forbidden("Viewers can read records but not change them");
    }

    public static void requireManager(Actor actor, String action) {
        requireWriter(actor);
        if (actor.role() == Role.REP) throw CrmException.forbidden("Reps cannot " + action);
    }

    public static void requireAdmin(Actor actor, String action) {
        if (actor.role() != Role.ADMIN) throw CrmException.forbidden("Only admins can " + action);
    }
}
