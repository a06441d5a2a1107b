package io.intelligencecrm.knowledge.memory;

import io.intelligencecrm.core.events.ChangeSubscriber;
import io.intelligencecrm.core.events.RecordChange;
import java.util.Set;

/**
 * Asks for a record to be (re-)embedded whenever it is written. Deletions need no message: a
 * database trigger drops the vectors in the deleting transaction itself.
 */
public final class EmbedSubscriber implements ChangeSubscriber {
    public static final String KIND = "embed";
    private static final Set<String> TYPES = Set.of("contact", "company", "deal", "interaction");
    private static final Set<String> ACTIONS = Set.of("created", "updated", "restored", "redacted");

    @Override
    public String outboxKind() {
        return KIND;
    }

    /** Only the latest state matters: ten edits of one note before the handler runs embed it once. */
    @Override
    public boolean coalescePerRecord() {
        return true;
    }

    @Override
    public boolean wants(RecordChange change) {
        return TYPES.contains(change.entityType()) && ACTIONS.contains(change.action());
    }
}
