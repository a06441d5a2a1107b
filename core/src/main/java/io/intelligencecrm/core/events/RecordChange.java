package io.intelligencecrm.core.events;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Something happened to a CRM record. Published by services inside the change's transaction;
 * subscribers (embeddings, rescoring, workflow triggers, live dashboards) receive it through the
 * outbox after commit.
 *
 * @param entityType e.g. "contact", "company", "deal", "interaction"
 * @param action     "created", "updated", "deleted", "restored", "erased", "merged",
 *                   "redacted" (text about an erased person was rewritten; nothing else changed)
 * @param changes    field name to {@code [old, new]} for updates; empty otherwise
 * @param actorUserId the user on whose behalf the change was made, if any
 */
public record RecordChange(String entityType, UUID entityId, String action, Map<String, Object> changes,
                           UUID actorUserId) {

    public Map<String, Object> toPayload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("entityType", entityType);
        payload.put("entityId", entityId.toString());
        payload.put("action", action);
        payload.put("changes", changes == null ? Map.of() : changes);
        if (actorUserId != null) payload.put("actorUserId", actorUserId.toString());
        return payload;
    }

    @SuppressWarnings("unchecked")
    public static RecordChange fromPayload(Map<String, Object> payload) {
        Object actor = payload.get("actorUserId");
        return new RecordChange((String) payload.get("entityType"), UUID.fromString((String) payload.get("entityId")),
                (String) payload.get("action"), (Map<String, Object>) payload.getOrDefault("changes", Map.of()),
                actor == null ? null : UUID.fromString((String) actor));
    }
}
