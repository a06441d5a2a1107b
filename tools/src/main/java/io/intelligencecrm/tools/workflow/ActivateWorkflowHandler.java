package io.intelligencecrm.tools.workflow;

import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.proposal.ProposalHandler;
import io.intelligencecrm.core.workflow.Workflow;
import io.intelligencecrm.core.workflow.WorkflowService;
import java.util.Map;

/**
 * {@code workflow.activate}: the user confirms a workflow drafted in chat. Only the version they
 * were shown is activated; a definition changed since must be confirmed again.
 */
public final class ActivateWorkflowHandler implements ProposalHandler {
    public static final String ACTION = "workflow.activate";

    private final WorkflowService workflows;

    public ActivateWorkflowHandler(WorkflowService workflows) {
        this.workflows = workflows;
    }

    @Override
    public String action() {
        return ACTION;
    }

    @Override
    public void validate(Actor actor, Map<String, Object> arguments) {
        current(actor, arguments);
    }

    @Override
    public Map<String, Object> execute(Actor actor, Map<String, Object> arguments) {
        Workflow workflow = workflows.activate(actor, current(actor, arguments).id());
        return Map.of("workflowId", workflow.id().toString(), "status", workflow.status(),
                "result", "the workflow \"" + workflow.name() + "\" is active");
    }

    private Workflow current(Actor actor, Map<String, Object> arguments) {
        Workflow workflow = workflows.get(actor, DeleteWorkflowHandler.id(arguments));
        if (!(arguments.get("version") instanceof Number version) || version.intValue() != workflow.version()) {
            throw CrmException.conflict("The workflow changed since it was proposed; review it again",
                    Map.of("version", workflow.version()));
        }
        return workflow;
    }
}
