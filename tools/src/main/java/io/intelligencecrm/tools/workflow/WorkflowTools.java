package io.intelligencecrm.tools.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.invocation.InvocationParameters;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.json.Json;
import io.intelligencecrm.core.proposal.ProposalService;
import io.intelligencecrm.core.workflow.Workflow;
import io.intelligencecrm.core.workflow.WorkflowService;
import io.intelligencecrm.tools.ProposalResult;
import io.intelligencecrm.tools.TableResult;
import io.intelligencecrm.tools.ToolArguments;
import io.intelligencecrm.tools.ToolCall;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Workflows from chat: the agent writes a definition, it is stored as a draft, and the user confirms
 * it (a proposal) before it is activated. Roles that write only.
 */
public final class WorkflowTools {
    private final WorkflowService workflows;
    private final ProposalService proposals;

    public WorkflowTools(WorkflowService workflows, ProposalService proposals) {
        this.workflows = workflows;
        this.proposals = proposals;
    }

    @Tool("PROPOSES a workflow (an automation that runs as the user): stored as a draft and activated only when the "
            + "user confirms. The definition is JSON: {\"trigger\": {...}, \"steps\": [...]}. Triggers: "
            + "{\"type\":\"cron\",\"cron\":\"0 0 16 ? * FRI\"} (Quartz cron: sec min hour day month weekday; the "
            + "user's time zone), {\"type\":\"event\",\"entity\":\"contact|deal|interaction\",\"action\":\"created|"
            + "updated|stage_changed\"}, {\"type\":\"score_threshold\",\"threshold\":80}, {\"type\":\"deal_idle\","
            + "\"days\":14}, {\"type\":\"manual\"}. Steps (each with a unique id): report (report: new_leads|"
            + "quiet_deals|open_tasks, days), send_email (to: owner|contact, subject, body), draft_email (subject, "
            + "body), agent (prompt, branches), condition (if: {field, op, value}, then, else), update_record "
            + "(fields), create_task (title, dueIn like P2D), notify (title), wait (duration), wait_for_reply "
            + "(timeout). Text may use {{steps.<id>.text}}, {{record.firstName}}, {{owner.fullName}}.")
    public ProposalResult proposeWorkflow(
            @P("a short name, e.g. Friday new-leads summary") String name,
            @P("the definition as a JSON object") String definition,
            InvocationParameters parameters) {
        ToolCall call = ToolCall.of(parameters);
        if (!ToolArguments.given(name)) throw CrmException.invalid("name", "is required");
        Object parsed;
        try {
            parsed = Json.mapper().readValue(definition == null ? "" : definition, Object.class);
        } catch (JsonProcessingException e) {
            throw CrmException.invalid("definition", "is not valid JSON: " + e.getOriginalMessage());
        }
        Workflow draft = workflows.create(call.actor(), Map.of("name", name.strip(), "definition", parsed));
        String summary = "Activate the workflow \"" + draft.name() + "\": "
                + WorkflowSummary.describe(draft.parsed(), call.zone());
        return ProposalResult.of(proposals.propose(call.actor(), call.conversationId(), ActivateWorkflowHandler.ACTION,
                Map.of("workflowId", draft.id().toString(), "version", draft.version()), summary));
    }

    @Tool("Pauses one of the user's workflows: it starts no new runs until resumed.")
    public Map<String, Object> pauseWorkflow(@P("the workflow's id") String workflowId, InvocationParameters parameters) {
        Workflow paused = workflows.pause(ToolCall.of(parameters).actor(), ToolArguments.id("workflowId", workflowId));
        return Map.of("id", paused.id().toString(), "name", paused.name(), "status", paused.status());
    }

    @Tool("PROPOSES resuming (or first activating) one of the user's workflows; it runs again only once the user "
            + "approves.")
    public ProposalResult proposeResumeWorkflow(@P("the workflow's id") String workflowId,
                                                InvocationParameters parameters) {
        ToolCall call = ToolCall.of(parameters);
        Workflow workflow = workflows.get(call.actor(), ToolArguments.id("workflowId", workflowId));
        return ProposalResult.of(proposals.propose(call.actor(), call.conversationId(), ActivateWorkflowHandler.ACTION,
                Map.of("workflowId", workflow.id().toString(), "version", workflow.version()),
                "Activate the workflow \"" + workflow.name() + "\": " + WorkflowSummary.describe(workflow.parsed(),
                        call.zone())));
    }

    @Tool("PROPOSES deleting one of the user's workflows (its running runs are cancelled); nothing happens until "
            + "the user approves.")
    public ProposalResult proposeDeleteWorkflow(@P("the workflow's id") String workflowId,
                                                InvocationParameters parameters) {
        ToolCall call = ToolCall.of(parameters);
        Workflow workflow = workflows.get(call.actor(), ToolArguments.id("workflowId", workflowId));
        return ProposalResult.of(proposals.propose(call.actor(), call.conversationId(), DeleteWorkflowHandler.ACTION,
                Map.of("workflowId", workflow.id().toString()), "Delete the workflow \"" + workflow.name() + "\""));
    }

    @Tool("Lists the user's workflows with their status (draft, active, paused) and trigger; use the id with "
            + "the other workflow tools.")
    public TableResult listWorkflows(
            @P(value = "words from the workflow's name, to find one", required = false) String query,
            InvocationParameters parameters) {
        ToolCall call = ToolCall.of(parameters);
        String wanted = ToolArguments.given(query) ? query.strip().toLowerCase(Locale.ROOT) : "";
        List<List<Object>> rows = workflows.list(call.actor()).stream()
                .filter(w -> w.name().toLowerCase(Locale.ROOT).contains(wanted))
                .limit(ToolArguments.MAX_ROWS)
                .map(w -> List.<Object>of(w.id().toString(), w.name(), w.status(), w.triggerType(), w.version()))
                .toList();
        return new TableResult("Workflows", List.of("id", "name", "status", "trigger", "version"), rows, "table",
                rows.size(), "").of("workflow");
    }
}
