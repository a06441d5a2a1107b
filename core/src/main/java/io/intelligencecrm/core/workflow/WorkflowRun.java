package io.intelligencecrm.core.workflow;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One execution of a workflow: what triggered it and, per step, its input, output, timing and error.
 *
 * @param status    running, waiting (for time or a reply), succeeded, failed or cancelled
 * @param nextStep  the step that runs next (null when finished)
 * @param context   what the steps produced so far, by step id, for later steps' templates
 * @param flags     what a person should look at (an unclear AI decision that took its default branch)
 */
public record WorkflowRun(UUID id, UUID workflowId, int workflowVersion, String status, String triggerKey,
                          Map<String, Object> triggerEvent, List<Map<String, Object>> steps, String error,
                          String nextStep, Map<String, Object> context, Instant waitUntil,
                          Map<String, Object> waitingFor, Instant startedAt, Instant finishedAt,
                          List<String> flags) {

    public boolean finished() {
        return status.equals("succeeded") || status.equals("failed") || status.equals("cancelled");
    }
}
