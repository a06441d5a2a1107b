package io.intelligencecrm.core.undo;

import java.util.Map;
import java.util.UUID;

/** One audit row of a conversation's transactions, as the undo reads it. */
record AuditRow(long id, String action, String entityType, UUID entityId, Map<String, Object> diff,
                String transactionId) {

    boolean is(String... actions) {
        for (String candidate : actions) if (candidate.equals(action)) return true;
        return false;
    }
}
