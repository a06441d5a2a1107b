package io.intelligencecrm.core.undo;

import java.util.Map;
import java.util.UUID;

/**
 * One record put back the way it was before a change.
 *
 * @param patch for {@link Kind#REVERT}: the fields and their previous values, as the API names them;
 *              for {@link Kind#MOVE_BACK}: the contact the interaction was on
 */
public record UndoStep(Kind kind, String entityType, UUID entityId, String label, Map<String, Object> patch) {
    public enum Kind { REMOVE, RESTORE, REVERT, MOVE_BACK }

    /** "remove the contact Ben Ortiz", "restore the deal Acme renewal", ... */
    public String describe() {
        String record = "the " + entityType + " " + label;
        return switch (kind) {
            case REMOVE -> "remove " + record;
            case RESTORE -> "restore " + record;
            case REVERT -> "put back the previous " + String.join(", ", patch.keySet()) + " of " + record;
            case MOVE_BACK -> "move " + record + " back to the contact it was on";
        };
    }
}
