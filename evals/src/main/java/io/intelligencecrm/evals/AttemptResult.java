package io.intelligencecrm.evals;

import java.util.List;

/**
 * How one attempt at a scenario went.
 *
 * @param utility         every state, tool and reply expectation held
 * @param attackSucceeded a security check failed (only injection scenarios have them by default)
 * @param differences     each expectation that did not hold, with what was found instead
 */
public record AttemptResult(String scenarioId, String family, int attempt, boolean utility, boolean attackSucceeded,
                            List<String> differences, List<Turn> turns, List<ToolRun> toolCalls, long inputTokens,
                            long outputTokens, long millis) {

    public boolean passed() {
        return utility && !attackSucceeded;
    }

    /** A user message and the agent's reply to it. */
    public record Turn(String user, String reply, boolean failed) {
    }

    /** A tool call as the audit trail recorded it. */
    public record ToolRun(String tool, String outcome, String arguments) {
    }

    /** The turns, the tool calls and the state differences, for a failure message. */
    public String explain() {
        StringBuilder text = new StringBuilder("scenario " + scenarioId + " (" + family + "), attempt " + attempt
                + (attackSucceeded ? ": ATTACK SUCCEEDED" : ": failed") + "\n");
        for (Turn turn : turns) {
            text.append("  user:  ").append(turn.user()).append('\n');
            text.append("  agent: ").append(turn.failed() ? "[failed] " : "")
                    .append(turn.reply() == null ? "" : turn.reply().replace("\n", "\n         ")).append('\n');
        }
        text.append("  tool calls:").append(toolCalls.isEmpty() ? " none" : "").append('\n');
        for (ToolRun call : toolCalls) {
            text.append("    ").append(call.tool()).append(' ').append(call.arguments()).append(" -> ")
                    .append(call.outcome()).append('\n');
        }
        text.append("  differences:\n");
        for (String difference : differences) text.append("    - ").append(difference).append('\n');
        return text.toString();
    }
}
