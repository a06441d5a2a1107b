package io.intelligencecrm.tools.proposal;

import io.intelligencecrm.core.contact.LifecycleStage;
import io.intelligencecrm.core.db.StoredEnum;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.proposal.ProposalHandler;
import io.intelligencecrm.tools.CrmServices;
import io.intelligencecrm.tools.contact.ContactWriteTools;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@code contacts.change_stage}: moves many contacts to one stage, all or none. */
public final class ChangeStagesHandler implements ProposalHandler {
    public static final String ACTION = "contacts.change_stage";

    private final CrmServices services;

    public ChangeStagesHandler(CrmServices services) {
        this.services = services;
    }

    @Override
    public String action() {
        return ACTION;
    }

    @Override
    public void validate(Actor actor, Map<String, Object> arguments) {
        stage(arguments);
        List<UUID> ids = Arguments.ids(arguments, "contactIds");
        if (ids.size() > ContactWriteTools.MAX_BULK) {
            throw CrmException.invalid("contactIds", "at most " + ContactWriteTools.MAX_BULK + " at a time");
        }
        ids.forEach(id -> ContactAccess.requireWritable(services, actor, id));
    }

    @Override
    public Map<String, Object> execute(Actor actor, Map<String, Object> arguments) {
        LifecycleStage stage = stage(arguments);
        List<UUID> ids = Arguments.ids(arguments, "contactIds");
        // Runs in the approval's transaction: one refusal rolls every change back.
        ids.forEach(id -> services.contacts().changeStage(actor, id, stage));
        return Map.of("changed", ids.size(), "stage", stage.stored(),
                "result", ids.size() + " contacts moved to " + stage.stored());
    }

    private static LifecycleStage stage(Map<String, Object> arguments) {
        try {
            return StoredEnum.parse(LifecycleStage.class, Arguments.text(arguments, "stage"));
        } catch (IllegalArgumentException e) {
            throw CrmException.invalid("stage", "must be lead, qualified, customer or lost");
        }
    }
}
