package io.intelligencecrm.tools.proposal;

import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.proposal.ProposalHandler;
import io.intelligencecrm.tools.CrmServices;
import java.util.Map;

/**
 * {@code change.undo}: reverts the user's last change in a conversation when undoing it needs an
 * approval (it removes a contact, or puts back many records). The change is re-checked when approved:
 * if it is no longer the last one, or can no longer be undone, nothing happens and the user is told why.
 */
public final class UndoChangeHandler implements ProposalHandler {
    public static final String ACTION = "change.undo";

    private final CrmServices services;

    public UndoChangeHandler(CrmServices services) {
        this.services = services;
    }

    @Override
    public String action() {
        return ACTION;
    }

    @Override
    public void validate(Actor actor, Map<String, Object> arguments) {
        Arguments.id(arguments, "conversationId");
        Arguments.text(arguments, "transactionId");
    }

    @Override
    public Map<String, Object> execute(Actor actor, Map<String, Object> arguments) {
        String done = services.undo().revert(actor, Arguments.id(arguments, "conversationId"),
                Arguments.text(arguments, "transactionId"));
        return Map.of("result", "undone: " + done);
    }
}
