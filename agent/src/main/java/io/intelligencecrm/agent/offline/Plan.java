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

        /** The same step with the record id already known, so nothing is taken from a lookup. */
        Step withId(String id) {
            Map<String, Object> known = new LinkedHashMap<>(arguments);
            Map<String, String> rest = new LinkedHashMap<>(carried);
            rest.entrySet().removeIf(entry -> {
                if (!entry.getValue().equals(ID)) return false;
                known.put(entry.getKey(), id);
                return true;
            });
            return new Step(tool, known, rest);
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

    /** The plan once its subject is known without a lookup (a contact named earlier in the conversation). */
    Plan withKnownSubject(String id) {
        List<Step> rest = new ArrayList<>(steps.subList(1, steps.size()));
        rest.set(0, rest.getFirst().withId(id));
        return new Plan(description, rest, null);
    }
}
