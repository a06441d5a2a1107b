package io.intelligencecrm.agent.offline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a command asks for: a chain of tool calls, each taking what it needs from the previous result
 * (find the contact, draft to them, propose sending the draft).
 *
 * @param subject who or what the first step looks up, for questions back to the user; null without a lookup
 */
record Plan(String description, List<Step> steps, String subject) {

    /** Taken from the previous result: the one record id it names. */
    static final String ID = "id";
    /** Taken from the previous result: every record id it lists. */
    static final String IDS = "ids";
    /** Taken from an earlier result of this turn: the latest record of the kind after the prefix ("@contact"). */
    static final String EARLIER = "@";
    /** Taken from the previous result: the one row whose text best matches the words after the prefix. */
    static final String MATCHING = "matching:";

    /** @param carried argument name to what it takes from the previous result: {@link #ID} or a field name */
    record Step(String tool, Map<String, Object> arguments, Map<String, String> carried) {
        Step {
            arguments = new LinkedHashMap<>(arguments);
            carried = Map.copyOf(carried);
        }

        static Step of(String tool, Map<String, Object> arguments) {
            return new Step(tool, arguments, Map.of());
        }

        /** A step that takes the looked-up record's id as {@code idArgument}. */
        static Step needingId(String tool, String idArgument, Map<String, Object> arguments) {
            return new Step(tool, arguments, Map.of(idArgument, ID));
        }

        /** A step that takes every id the lookup listed as {@code idsArgument}. */
        static Step needingIds(String tool, String idsArgument, Map<String, Object> arguments) {
            return new Step(tool, arguments, Map.of(idsArgument, IDS));
        }

        /** A step that takes the id of the record of this kind made or found earlier in the turn. */
        static Step needingEarlier(String tool, String idArgument, String kind, Map<String, Object> arguments) {
            return new Step(tool, arguments, Map.of(idArgument, EARLIER + kind));
        }

        /** A step that takes the id of the previous result's row best matching the words. */
        static Step needingRowMatching(String tool, String idArgument, String words, Map<String, Object> arguments) {
            return new Step(tool, arguments, Map.of(idArgument, MATCHING + words));
        }
    }

    Plan {
        steps = List.copyOf(steps);
    }

    static Plan single(String description, String tool, Map<String, Object> arguments) {
        return new Plan(description, List.of(Step.of(tool, arguments)), null);
    }

    /** Looks up {@code subject} with {@code lookupTool}, then runs {@code then}; the first of them needs the id. */
    static Plan lookup(String description, String lookupTool, String subject, Step... then) {
        List<Step> steps = new ArrayList<>();
        steps.add(Step.of(lookupTool, Map.of("query", subject)));
        steps.addAll(List.of(then));
        return new Plan(description, steps, subject);
    }

    String lookupTool() {
        return subject == null ? null : steps.getFirst().tool();
    }
}
