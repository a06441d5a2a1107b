package io.intelligencecrm.tools.workflow;

import io.intelligencecrm.core.workflow.WorkflowDefinition;
import java.text.ParseException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.quartz.CronExpression;

/** A workflow definition in words, so the person confirming it knows what they confirm. */
public final class WorkflowSummary {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm");

    private WorkflowSummary() {
    }

    public static String describe(WorkflowDefinition definition, ZoneId ownerZone) {
        List<String> steps = new ArrayList<>();
        for (WorkflowDefinition.Step step : definition.steps()) steps.add(step(step));
        return trigger(definition.trigger(), ownerZone) + ": " + String.join("; then ", steps) + ".";
    }

    private static String trigger(WorkflowDefinition.Trigger trigger, ZoneId ownerZone) {
        return switch (trigger.type()) {
            case "cron" -> {
                ZoneId zone = trigger.timezone() == null ? ownerZone : ZoneId.of(trigger.timezone());
                yield "On the schedule '" + trigger.cron() + "' (" + zone + "; next " + next(trigger.cron(), zone) + ")";
            }
            case "event" -> "When a " + trigger.entity() + " is " + trigger.action().replace('_', ' ')
                    + (trigger.field() == null ? "" : " (" + trigger.field() + ")")
                    + (trigger.to() == null ? "" : " to " + trigger.to());
            case "score_threshold" -> "When a contact's score reaches " + trigger.threshold().intValue();
            case "deal_idle" -> "When one of your open deals has been quiet for " + trigger.days() + " days";
            default -> "When you run it";
        };
    }

    private static String step(WorkflowDefinition.Step step) {
        return switch (step.type()) {
            case "agent" -> "ask the agent \"" + step.text("prompt") + "\"";
            case "condition" -> "check " + step.map("if").get("field");
            case "update_record" -> "update the record (" + String.join(", ", step.map("fields").keySet()) + ")";
            case "create_task" -> "create the task \"" + step.text("title") + "\"";
            case "send_email" -> "email " + ("owner".equals(step.text("to")) ? "you" : "the contact") + " \""
                    + step.text("subject") + "\"";
            case "send_sms" -> "text the contact \"" + step.text("body") + "\"";
            case "draft_email" -> "draft the email \"" + step.text("subject") + "\" for your approval";
            case "notify" -> "notify you \"" + step.text("title") + "\"";
            case "report" -> "summarise " + step.text("report").replace('_', ' ') + " of the last "
                    + step.spec().getOrDefault("days", 7) + " days";
            case "wait" -> "wait " + step.text("duration");
            case "wait_for_reply" -> "wait up to " + step.text("timeout") + " for a reply";
            default -> step.type();
        };
    }

    private static String next(String cron, ZoneId zone) {
        try {
            CronExpression expression = new CronExpression(cron);
            expression.setTimeZone(TimeZone.getTimeZone(zone));
            Date next = expression.getNextValidTimeAfter(new Date());
            return next == null ? "never" : WHEN.format(next.toInstant().atZone(zone));
        } catch (ParseException e) {
            return "unknown";
        }
    }
}
