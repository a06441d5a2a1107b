package io.intelligencecrm.agent.offline;

import io.intelligencecrm.agent.offline.intent.Intent;
import io.intelligencecrm.agent.offline.language.RecordMention;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One thing a message asks for, as the offline model will handle it: tool calls to make, a question
 * to ask first, or words to say. A message asking for several things is several parts, run in order.
 */
sealed interface Part {

    /** Tool calls: one plan. */
    record Steps(Plan plan) implements Part {
    }

    /**
     * A question that stops the turn, with the answers it offers. Asked again when the user answers,
     * so an answer ("the 2nd one", "Priya Raman", "the one at b.example") picks one of these options.
     *
     * @param anyRecord what to do with a record of {@code recordKind} the answer names that was not offered
     *                  ("no, I meant Priya Raman"); null when only the options will do
     * @param action    the action waiting for the record, when the question only asks which record it is
     */
    record Question(String text, List<Option> options, String recordKind, Function<RecordMention, Part> anyRecord,
                    Action action) implements Part {
        public Question {
            options = List.copyOf(options);
        }

        public Question(String text, List<Option> options, String recordKind, Function<RecordMention, Part> anyRecord) {
            this(text, options, recordKind, anyRecord, null);
        }

        static Question plain(String text) {
            return new Question(text, List.of(), null, null);
        }
    }

    /** Words only: a greeting, help, or what could not be understood. */
    record Say(String text) implements Part {
    }

    /**
     * An answer a question offers: a record (told apart by name, email, company) or a reading of the
     * message (one of two intents).
     */
    record Option(String label, RecordMention record, Intent reading, Supplier<Part> take) {
    }
}
