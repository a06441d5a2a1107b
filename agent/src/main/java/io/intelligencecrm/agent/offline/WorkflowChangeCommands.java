package io.intelligencecrm.agent.offline;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Managing workflows by name: "show my workflows", "pause the weekly summary workflow", "resume ...",
 * "delete ...". Pausing takes effect at once (it only stops new runs); resuming and deleting are
 * proposals the user approves. The word "workflow" must be there, so "delete Jane Doe" stays a contact.
 */
final class WorkflowChangeCommands {
    private static final Pattern LIST = Pattern.compile(
            "(?i)^\\s*(?:show|list|what\\s+are)\\s+(?:me\\s+)?(?:my|all|the)?\\s*(?:workflows|automations)\\s*[?.!]?$");
    private static final Pattern CHANGE = Pattern.compile(
            "(?i)^\\s*(?:please\\s+)?(?<verb>pause|stop|resume|restart|reactivate|delete|remove)\\s+(?:the\\s+|my\\s+)?"
                    + "(?:(?:workflow|automation)\\s+(?<after>.+?)|(?<before>.+?)\\s+(?:workflow|automation))\\s*[.!]?$");

    private WorkflowChangeCommands() {
    }

    static Plan understand(String text) {
        if (LIST.matcher(text).matches()) return Plan.single("see workflows", "listWorkflows", Map.of());
        Matcher change = CHANGE.matcher(text);
        if (!change.matches()) return null;
        String name = (change.group("after") != null ? change.group("after") : change.group("before"))
                .replaceAll("^[\"“']|[\"”']$", "").strip();
        String tool = switch (change.group("verb").toLowerCase()) {
            case "pause", "stop" -> "pauseWorkflow";
            case "resume", "restart", "reactivate" -> "proposeResumeWorkflow";
            default -> "proposeDeleteWorkflow";
        };
        return Plan.lookup("change workflows", "listWorkflows", name, Plan.Step.needingId(tool, "workflowId", Map.of()));
    }
}
