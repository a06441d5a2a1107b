package io.intelligencecrm.scheduler.engine;

import java.time.Instant;
import java.util.Map;

/**
 * How a step ended.
 *
 * @param next       the step to go to; null follows the definition ("next" or the step below)
 * @param waitUntil  set when the run must wait (a timer, or a reply with this deadline)
 * @param waitingFor what else ends the wait (e.g. {"contactId": ...} for a reply)
 */
public record StepResult(Map<String, Object> output, String next, Instant waitUntil, Map<String, Object> waitingFor) {

    public static StepResult done(Map<String, Object> output) {
        return new StepResult(output, null, null, null);
    }

    public static StepResult goTo(Map<String, Object> output, String next) {
        return new StepResult(output, next, null, null);
    }

    public boolean waits() {
        return waitUntil != null;
    }
}
