package io.intelligencecrm.scheduler.steps;

import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.outreach.sms.SmsQueue;
import io.intelligencecrm.scheduler.engine.StepAction;
import io.intelligencecrm.scheduler.engine.StepContext;
import io.intelligencecrm.scheduler.engine.StepResult;
import java.util.Map;

/**
 * {@code send_sms}: texts the triggering contact through the outbox (sent once; suppression, quiet hours in
 * the contact's time zone and the provider's answer are handled at delivery), which the owner allowed by
 * confirming the workflow. A reply from the contact ends a following {@code wait_for_reply} as a mail reply does.
 */
public record SmsStep(SmsQueue queue) implements StepAction {
    @Override
    public String type() {
        return "send_sms";
    }

    @Override
    public StepResult run(StepContext context) {
        if (context.contactId() == null) throw CrmException.invalid("send_sms", "this run is not about a contact to text");
        String body = context.render("body");
        String key = context.effectKey(null);
        queue.toContact(context.owner(), context.contactId(), body, key);
        return StepResult.done(Map.of("to", context.contactId().toString(), "outboxKey", key));
    }
}
