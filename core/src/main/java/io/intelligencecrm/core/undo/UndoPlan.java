package io.intelligencecrm.core.undo;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What undoing the user's last change in a conversation would do, or why it cannot be undone.
 *
 * @param transactionId the change: the database transaction that wrote it
 * @param refusal       why not, in words for the user; null when it can be undone
 */
public record UndoPlan(String transactionId, List<UndoStep> steps, String refusal) {
    /** More records than this put back at once is a bulk change, which the user approves first. */
    public static final int DIRECT_LIMIT = 5;

    static UndoPlan refused(String refusal) {
        return new UndoPlan(null, List.of(), refusal);
    }

    public boolean possible() {
        return refusal == null;
    }

    /** Removing a contact, or putting back many records, waits for the user's approval. */
    public boolean needsApproval() {
        return steps.size() > DIRECT_LIMIT || steps.stream().anyMatch(step -> step.kind() == UndoStep.Kind.REMOVE
                && step.entityType().equals("contact"));
    }

    public String summary() {
        return steps.stream().map(UndoStep::describe).collect(Collectors.joining("; "));
    }
}
