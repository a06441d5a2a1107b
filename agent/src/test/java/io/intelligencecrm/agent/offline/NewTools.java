package io.intelligencecrm.agent.offline;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import java.util.List;

/** The specifications of the tools the offline planner calls beyond the existing ones, as the tools module offers them. */
final class NewTools {
    @Tool("matches records")
    void matchRecords(@P("text") String text, @P(value = "recent", required = false) List<String> recentIds) {
    }

    @Tool("creates a task")
    void createTask(@P("title") String title, @P(value = "due", required = false) String due,
                    @P(value = "contact", required = false) String contactId, @P(value = "deal", required = false) String dealId) {
    }

    @Tool("lists tasks")
    void listTasks(@P(value = "status", required = false) String status, @P(value = "due", required = false) String due,
                   @P(value = "mine", required = false) Boolean mine) {
    }

    @Tool("completes a task")
    void completeTask(@P("task") String taskId) {
    }

    @Tool("revenue")
    void closedRevenue(@P(value = "period", required = false) String period, @P(value = "mine", required = false) Boolean mine) {
    }

    @Tool("counts")
    void countRecords(@P("kind") String kind, @P(value = "stage", required = false) String stage,
                      @P(value = "company", required = false) String companyName, @P(value = "open", required = false) Boolean openOnly,
                      @P(value = "mine", required = false) Boolean mine, @P(value = "period", required = false) String createdIn) {
    }

    @Tool("account")
    void accountSummary(@P("company") String companyId) {
    }

    @Tool("stale contacts")
    void staleContacts(@P(value = "days", required = false) Integer days, @P(value = "mine", required = false) Boolean mine) {
    }

    @Tool("undo")
    void undoLastChange() {
    }

    @Tool("move interaction")
    void moveInteraction(@P("interaction") String interactionId, @P("contact") String contactId) {
    }

}
