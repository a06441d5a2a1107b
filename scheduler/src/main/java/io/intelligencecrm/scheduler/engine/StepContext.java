package io.intelligencecrm.scheduler.engine;

import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.workflow.Workflow;
import io.intelligencecrm.core.workflow.WorkflowDefinition;
import io.intelligencecrm.core.workflow.WorkflowRun;
import java.util.Map;
import java.util.UUID;

/**
 * What a step sees: the owner it acts as (with exactly the owner's permissions), the run, and the
 * template variables.
 *
 * @param contactId the contact the run is about (the triggering contact, or a deal's contact), if any
 * @param dealId    the deal the run is about, if any
 * @param resumeReason why a waiting run woke up: "timer", "reply", or null when it was not waiting
 */
public record StepContext(Actor owner, Workflow workflow, WorkflowDefinition definition, WorkflowRun run,
                          WorkflowDefinition.Step step, Map<String, Object> variables, UUID contactId, UUID dealId,
                          String resumeReason) {

    public String render(String key) {
        return Templates.render(step.text(key), variables);
    }

    /** A key that makes a side effect of this step happen once per run, however often the step is retried. */
    public String effectKey(String suffix) {
        return "workflow:" + run.id() + ":" + step.id() + ":" + run.steps().size() + (suffix == null ? "" : ":" + suffix);
    }
}
