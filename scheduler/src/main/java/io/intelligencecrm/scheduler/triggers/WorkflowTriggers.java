package io.intelligencecrm.scheduler.triggers;

import io.intelligencecrm.core.events.ChangeSubscriber;
import io.intelligencecrm.core.events.RecordChange;
import java.util.Set;

/** Sends every record change to the workflow engine (kind {@code workflow.event}); each change counts. */
public final class WorkflowTriggers implements ChangeSubscriber {
    public static final String KIND = "workflow.event";
    private static final Set<String> ENTITIES = Set.of("contact", "company", "deal", "interaction");

    @Override
    public String outboxKind() {
        return KIND;
    }

    @Override
    public boolean coalescePerRecord() {
        return false;
    }

    @Override
    public boolean wants(RecordChange change) {
        return ENTITIES.contains(change.entityType());
    }
}
