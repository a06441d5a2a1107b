package io.intelligencecrm.core.proposal;

import io.intelligencecrm.core.identity.Actor;
import java.util.Map;

/**
 * Carries out one kind of approved action with the stored arguments. Runs inside the approval's
 * tenant transaction, so the action, its audit rows and the proposal's new status commit together.
 */
public interface ProposalHandler {

    /** The action name proposals of this kind carry, e.g. {@code email.send}. */
    String action();

    /**
     * Checks arguments when the proposal is made, so a request that could never run is refused at once.
     * Throws a validation {@link io.intelligencecrm.core.error.CrmException} when they are wrong.
     */
    void validate(Actor actor, Map<String, Object> arguments);

    /** @return a compact outcome for the user and the audit log */
    Map<String, Object> execute(Actor actor, Map<String, Object> arguments);
}
