package io.intelligencecrm.tools.workflow;

import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.proposal.ProposalHandler;
import io.intelligencecrm.core.workflow.Workflow;
import io.intelligencecrm.core.workflow.WorkflowService;
import java.util.Map;
import java.util.UUID;

/** {@code workflow.delete}: removes a workflow the user confirmed deleting; its running runs are cancelled. */
public final class DeleteWorkflowHandler implements ProposalHandler {
    public static final String ACTION = "workflow.delete";

    private final WorkflowService workflows;

    public DeleteWorkflowHandler(WorkflowService workflows) {
        this.workflows = workflows;
    }

    @Override
    public String action() {
        return ACTION;
    }

    @Override
    public void validate(Actor actor, Map<String, Object> arguments) {
        workflows.get(actor, id(arguments));
    }

    @Override
    public Map<String, Object> execute(Actor actor, Map<String, Object> arguments) {
        Workflow workflow = workflows.get(actor, id(arguments));
        workflows.delete(actor, workflow.id());
        return Map.of("workflowId", workflow.id().toString(), "result", "the workflow \"" + workflow.name()
                + "\" was deleted");
    }

    static UUID id(Map<String, Object> arguments) {
        try {
            return UUID.fromString(String.valueOf(arguments.get("workflowId")));
        } catch (IllegalArgumentException e) {
            throw CrmException.invalid("workflowId", "must be a workflow id");
        }
    }
}
