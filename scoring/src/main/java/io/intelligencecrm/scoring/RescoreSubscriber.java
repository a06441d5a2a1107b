package io.intelligencecrm.scoring;

import io.intelligencecrm.core.events.ChangeSubscriber;
import io.intelligencecrm.core.events.RecordChange;
import java.util.Set;

/**
 * Asks for a rescore when something a score rests on changes: a contact's fields (including
 * imports), an interaction, a deal. Only the latest state matters, so repeated changes to one
 * record collapse into one pending message. Score changes themselves ("scored") never trigger one.
 */
public final class RescoreSubscriber implements ChangeSubscriber {
    public static final String KIND = "rescore";
    private static final Set<String> ENTITIES = Set.of("contact", "interaction", "deal");
    private static final Set<String> ACTIONS = Set.of("created", "updated", "deleted", "restored");

    @Override
    public String outboxKind() {
        return KIND;
    }

    @Override
    public boolean coalescePerRecord() {
        return true;
    }

    @Override
    public boolean wants(RecordChange change) {
        if (!ENTITIES.contains(change.entityType()) || !ACTIONS.contains(change.action())) return false;
        // A deleted contact has nothing left to score.
        return !(change.entityType().equals("contact") && change.action().equals("deleted"));
    }
}
