package io.intelligencecrm.evals;

import java.util.List;

/**
 * How one corpus case went.
 *
 * @param correct     every expectation held: the right end state, or the right question
 * @param wrongWrites changes nobody asked for, or made to the wrong record
 */
public record CorpusResult(CorpusCase corpusCase, boolean correct, int wrongWrites, List<String> differences,
                           List<AttemptResult.Turn> turns, List<AttemptResult.ToolRun> toolCalls, long millis) {

    public String explain() {
        StringBuilder text = new StringBuilder(corpusCase.id()).append(correct ? ": right" : ": WRONG")
                .append(wrongWrites > 0 ? " (" + wrongWrites + " wrong write" + (wrongWrites == 1 ? ")" : "s)") : "").append('\n');
        for (AttemptResult.Turn turn : turns) {
            text.append("  user:  ").append(turn.user()).append('\n');
            text.append("  agent: ").append(turn.failed() ? "[failed] " : "")
                    .append(turn.reply() == null ? "" : turn.reply().replace("\n", "\n         ")).append('\n');
        }
        for (AttemptResult.ToolRun call : toolCalls) {
            text.append("    ").append(call.tool()).append(' ').append(call.arguments()).append(" -> ").append(call.outcome()).append('\n');
        }
        for (String difference : differences) text.append("  - ").append(difference).append('\n');
        return text.toString();
    }
}
