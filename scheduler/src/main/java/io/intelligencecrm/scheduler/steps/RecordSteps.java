package io.intelligencecrm.scheduler.steps;

import io.intelligencecrm.bots.slack.SlackNotifier;
import io.intelligencecrm.core.contact.ContactService;
import io.intelligencecrm.core.deal.DealService;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.notification.NotificationService;
import io.intelligencecrm.core.task.Task;
import io.intelligencecrm.core.task.TaskService;
import io.intelligencecrm.scheduler.engine.StepAction;
import io.intelligencecrm.scheduler.engine.StepContext;
import io.intelligencecrm.scheduler.engine.StepResult;
import io.intelligencecrm.scheduler.engine.Templates;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Steps that change CRM records as the owner, through the same services (and permission checks) as
 * the API: update the triggering contact or deal, create a task or reminder, notify the owner.
 */
public final class RecordSteps {
    private RecordSteps() {
    }

    /** @param slack posts notify steps that name a Slack target; null when there is no Slack bot */
    public static List<StepAction> all(ContactService contacts, DealService deals, TaskService tasks,
                                       NotificationService notifications, SlackNotifier slack, Clock clock) {
        return List.of(new UpdateRecord(contacts, deals), new CreateTask(tasks, clock),
                new Notify(notifications, new SlackNotice(slack)));
    }

    record UpdateRecord(ContactService contacts, DealService deals) implements StepAction {
        @Override
        public String type() {
            return "update_record";
        }

        @Override
        public StepResult run(StepContext context) {
            Map<String, Object> fields = new LinkedHashMap<>();
            context.step().map("fields").forEach((name, value) -> fields.put(name,
                    value instanceof String text ? Templates.render(text, context.variables()) : value));
            if (context.dealId() != null) {
                deals.update(context.owner(), context.dealId(), fields);
                return StepResult.done(Map.of("deal", context.dealId().toString(), "fields", fields));
            }
            if (context.contactId() == null) {
                throw CrmException.invalid("update_record", "this run is not about a contact or deal");
            }
            contacts.update(context.owner(), context.contactId(), fields);
            return StepResult.done(Map.of("contact", context.contactId().toString(), "fields", fields));
        }
    }

    record CreateTask(TaskService tasks, Clock clock) implements StepAction {
        @Override
        public String type() {
            return "create_task";
        }

        @Override
        public StepResult run(StepContext context) {
            Duration dueIn = context.step().duration("dueIn");
            Task task = tasks.create(context.owner(), context.render("title"), context.render("notes"),
                    context.contactId(), context.dealId(), dueIn == null ? null : clock.instant().plus(dueIn),
                    "workflow:" + context.workflow().id());
            Map<String, Object> output = new LinkedHashMap<>();
            output.put("taskId", task.id().toString());
            output.put("title", task.title());
            if (task.dueAt() != null) output.put("dueAt", task.dueAt().toString());
            return StepResult.done(output);
        }
    }

    /** In the owner's in-app inbox, and also in Slack when the step names a target ({@code slack}). */
    record Notify(NotificationService notifications, SlackNotice slack) implements StepAction {
        @Override
        public String type() {
            return "notify";
        }

        @Override
        public StepResult run(StepContext context) {
            String title = context.render("title");
            String body = context.render("body");
            String target = context.step().text("slack");
            // Slack first: a retry after a Slack outage must not leave a second in-app notification.
            String slackOutcome = target == null ? null : slack.post(context, target, title, body);
            var notification = notifications.notify(context.owner(), title, body,
                    "/workflows/" + context.workflow().id() + "/runs/" + context.run().id(), "workflow");
            return StepResult.done(SlackNotice.output(notification.id().toString(), slackOutcome));
        }
    }
}
