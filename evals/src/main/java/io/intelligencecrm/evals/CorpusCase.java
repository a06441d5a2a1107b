package io.intelligencecrm.evals;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One labelled case of the language corpus ({@code corpus/dev.json}, {@code corpus/test.json}): what
 * a rep typed, turn by turn, as which demo user, on which planted records, and what must come of it.
 *
 * @param fixtures names of planted record sets from {@code corpus/fixtures.json}
 */
public record CorpusCase(String id, String role, List<String> fixtures, List<String> setup, List<String> turns,
                         Expectation expect, List<String> tags) {

    public CorpusCase {
        Objects.requireNonNull(id, "a corpus case needs an id");
        role = role == null ? "rep" : role;
        fixtures = fixtures == null ? List.of() : List.copyOf(fixtures);
        setup = setup == null ? List.of() : List.copyOf(setup);
        if (turns == null || turns.isEmpty()) throw new IllegalArgumentException("corpus case " + id + " has no turns");
        turns = List.copyOf(turns);
        expect = expect == null ? new Expectation(null, null, false, false, null, null) : expect;
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A tool call a case expects; {@code tool} may list alternatives ("pipelineByStage|getPipeline"). */
    public record Call(String tool, Map<String, Object> args) {
        public Call {
            args = args == null ? Map.of() : Map.copyOf(args);
        }

        public List<String> tools() {
            return List.of(tool.split("\\|"));
        }
    }

    /**
     * @param writes        every change the conversation must make, and no other (null: none)
     * @param reads         read calls that must appear among others
     * @param clarify       the last reply must be a question, with nothing written
     * @param orClarify     a question instead of the writes is right too (the message is ambiguous)
     * @param state         database checks after the last turn
     * @param replyContains fragments the last reply contains, case-insensitive
     */
    public record Expectation(List<Call> writes, List<Call> reads, boolean clarify, boolean orClarify,
                              List<StateCheck> state, List<String> replyContains) {
        public Expectation {
            writes = writes == null ? List.of() : List.copyOf(writes);
            reads = reads == null ? List.of() : List.copyOf(reads);
            state = state == null ? List.of() : List.copyOf(state);
            replyContains = replyContains == null ? List.of() : List.copyOf(replyContains);
        }
    }
}
