package io.intelligencecrm.webhooks.event;

import java.util.List;
import java.util.Optional;

/** Every event a subscription can ask for, in the order the settings page lists them. */
public final class EventCatalogue {
    /** A subscription to this gets every event, including ones added later. */
    public static final String ALL = "*";

    public record EventType(String name, String description) {
    }

    public static final List<EventType> TYPES = List.of(
            new EventType("contact.created", "A contact was created (by hand, import, the agent or a workflow)"),
            new EventType("contact.updated", "A contact's fields changed, it was restored, or a duplicate was merged into it"),
            new EventType("contact.deleted", "A contact was moved to the trash or merged into another"),
            new EventType("contact.score_crossed", "A contact's lead score passed the subscription's threshold, up or down"),
            new EventType("company.created", "A company was created"),
            new EventType("company.updated", "A company's fields changed, or it was restored"),
            new EventType("company.deleted", "A company was moved to the trash"),
            new EventType("deal.created", "A deal was created"),
            new EventType("deal.updated", "A deal's fields changed, or it was restored"),
            new EventType("deal.deleted", "A deal was moved to the trash"),
            new EventType("deal.stage_changed", "A deal moved to another pipeline stage"),
            new EventType("deal.won", "A deal moved to the won stage"),
            new EventType("deal.lost", "A deal moved to the lost stage"),
            new EventType("interaction.created", "A call, meeting, email or note was logged"),
            new EventType("interaction.updated", "An interaction changed, or it was restored"),
            new EventType("interaction.deleted", "An interaction was moved to the trash"),
            new EventType("task.created", "A task or reminder was created"),
            new EventType("task.updated", "A task was completed"),
            new EventType("proposal.decided", "A proposed action (send, bulk change, delete) was approved and run, failed, or rejected"),
            new EventType("workflow_run.finished", "A workflow run succeeded, failed or was cancelled"));

    private EventCatalogue() {
    }

    public static Optional<EventType> find(String name) {
        return TYPES.stream().filter(type -> type.name().equals(name)).findFirst();
    }
}
