package io.intelligencecrm.core.workflow;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An automation owned by one user, running with that user's permissions.
 *
 * @param status draft (proposed, waiting for its owner's confirmation), active or paused
 * @param version raised on every change of the definition; runs record the version they ran
 */
public record Workflow(UUID id, UUID ownerId, String name, Map<String, Object> definition, int version,
                       String status, String triggerType, Instant createdAt, Instant updatedAt) {

    public WorkflowDefinition parsed() {
        return WorkflowDefinition.parse(definition);
    }
}
