package io.intelligencecrm.agent.offline;

import io.intelligencecrm.agent.offline.language.RecordMention;
import java.util.List;
import java.util.UUID;

/** Which record a message means: one known record, a choice to ask about, nothing by that name, or none named. */
sealed interface Target {

    record Known(UUID id, String name, RecordMention mention) implements Target {
    }

    /** Several records fit the words equally well: ask. */
    record Choice(String words, List<RecordMention> candidates) implements Target {
        public Choice {
            candidates = List.copyOf(candidates);
        }
    }

    /** Words that name no record the tenant has. */
    record NotFound(String words) implements Target {
    }

    /** Words to look the record up by, when no records matcher ran. */
    record Lookup(String words) implements Target {
    }

    /** The record an earlier part of the same message makes ("add Ben ... and remind me to call him"). */
    record Earlier(String kind) implements Target {
    }

    /** The message names no record of this kind. */
    record Missing() implements Target {
    }

    default boolean known() {
        return this instanceof Known;
    }
}
