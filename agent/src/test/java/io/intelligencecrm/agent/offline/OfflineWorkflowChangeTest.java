package io.intelligencecrm.agent.offline;

import static io.intelligencecrm.agent.offline.OfflineConversations.arguments;
import static io.intelligencecrm.agent.offline.OfflineConversations.json;
import static io.intelligencecrm.agent.offline.OfflineConversations.onlyCall;
import static io.intelligencecrm.agent.offline.OfflineConversations.request;
import static io.intelligencecrm.agent.offline.OfflineConversations.specifications;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import io.intelligencecrm.tools.TableResult;
import io.intelligencecrm.tools.workflow.WorkflowTools;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Offline mode manages workflows by name: find it, then pause it or propose resuming or deleting it. */
class OfflineWorkflowChangeTest {
    private static final List<ToolSpecification> TOOLS = specifications(WorkflowTools.class);
    private final OfflineModel model = new OfflineModel();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "pause the weekly summary workflow|weekly summary|pauseWorkflow",
            "Resume workflow Weekly summary|Weekly summary|proposeResumeWorkflow",
            "delete the \"hot leads\" automation|hot leads|proposeDeleteWorkflow"})
    void finds_the_workflow_by_name_then_changes_it(String text, String name, String tool) {
        UserMessage user = UserMessage.from(text);
        AiMessage lookup = model.chat(request(TOOLS, user)).aiMessage();
        assertEquals("listWorkflows", onlyCall(lookup).name());
        assertEquals(Map.of("query", name), arguments(onlyCall(lookup)));
        UUID id = UUID.randomUUID();
        TableResult found = new TableResult("Workflows", List.of("id", "name", "status", "trigger", "version"),
                List.of(List.of(id.toString(), name, "active", "cron", 1)), "table", 1, "");
        AiMessage change = model.chat(request(TOOLS, user, lookup,
                ToolExecutionResultMessage.from(onlyCall(lookup), json(found)))).aiMessage();
        assertEquals(tool, onlyCall(change).name());
        assertEquals(id.toString(), arguments(onlyCall(change)).get("workflowId"));
    }

    @Test
    void lists_workflows_and_says_when_a_name_matches_none() {
        assertEquals("listWorkflows", onlyCall(model.chat(request(TOOLS, UserMessage.from("show my workflows")))
                .aiMessage()).name());
        UserMessage user = UserMessage.from("pause the nightly cleanup workflow");
        AiMessage lookup = model.chat(request(TOOLS, user)).aiMessage();
        TableResult none = new TableResult("Workflows", List.of("id", "name", "status", "trigger", "version"), List.of(),
                "table", 0, "");
        String reply = model.chat(request(TOOLS, user, lookup, ToolExecutionResultMessage.from(onlyCall(lookup),
                json(none)))).aiMessage().text();
        assertTrue(reply.contains("could not find a workflow"), reply);
    }
}
