package io.intelligencecrm.scheduler.steps;

import io.intelligencecrm.scheduler.engine.StepAction;
import io.intelligencecrm.scheduler.engine.StepContext;
import io.intelligencecrm.scheduler.engine.StepResult;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Pauses a run: for a duration ({@code wait}), or until the contact replies ({@code wait_for_reply},
 * any inbound interaction on the contact) with a timeout. A waiting run holds no thread: a timer is
 * an outbox message due later, a reply wakes it through the record-change feed.
 */
public final class WaitSteps {
    private WaitSteps() {
    }

    public static List<StepAction> all(Clock clock) {
        return List.of(new Wait(clock), new WaitForReply(clock));
    }

    record Wait(Clock clock) implements StepAction {
        @Override
        public String type() {
            return "wait";
        }

        @Override
        public StepResult run(StepContext context) {
            if (context.resumeReason() != null) return StepResult.done(Map.of("resumed", context.resumeReason()));
            Instant until = clock.instant().plus(context.step().duration("duration"));
            return new StepResult(Map.of("until", until.toString()), null, until, null);
        }
    }

    record WaitForReply(Clock clock) implements StepAction {
        @Override
        public String type() {
            return "wait_for_reply";
        }

        @Override
        public StepResult run(StepContext context) {
            if ("reply".equals(context.resumeReason())) {
                return StepResult.goTo(Map.of("resumed", "reply"), context.step().text("then"));
            }
            if ("timer".equals(context.resumeReason())) {
                return StepResult.goTo(Map.of("resumed", "timeout"), context.step().text("onTimeout"));
            }
            if (context.contactId() == null) {
                throw io.intelligencecrm.core.error.CrmException.invalid("wait_for_reply",
                        "this run is not about a contact who could reply");
            }
            Instant until = clock.instant().plus(context.step().duration("timeout"));
            return new StepResult(Map.of("until", until.toString()), null, until,
                    Map.of("contactId", context.contactId().toString(), "since", clock.instant().toString()));
        }
    }
}
