package io.intelligencecrm.core.workflow;

import io.intelligencecrm.core.error.Violations;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A workflow's definition (schema version 1: the JSON schema in {@code workflow/workflow-schema.json}
 * on the classpath, and docs/how-it-works/workflows-and-outreach.md): one trigger and a list of steps. Parsing
 * checks the structure against the schema ({@link WorkflowSchema}) and, here, what a schema cannot express, and
 * reports each problem with its path ({@code definition.steps[2].prompt}), so a bad definition is refused as a
 * whole with clear field messages, never stored half-valid.
 */
public record WorkflowDefinition(Trigger trigger, List<Step> steps, Map<String, Object> source) {
    public static final int SCHEMA_VERSION = 1;
    public static final String END = "end";
    /** What the engine runs; {@code WorkflowSchemaTest} keeps the published schema listing exactly these. */
    public static final Set<String> TRIGGERS = Set.of("cron", "event", "score_threshold", "deal_idle", "manual");
    public static final Set<String> STEP_TYPES = Set.of("agent", "condition", "update_record", "create_task",
            "send_email", "draft_email", "send_sms", "notify", "report", "wait", "wait_for_reply");
    private static final Duration LONGEST_WAIT = Duration.ofDays(365);

    /** @param timezone for cron: where the times are meant; null means the owner's time zone */
    public record Trigger(String type, String cron, String timezone, String entity, String action, String field,
                          Object to, Double threshold, Integer days) {
    }

    /** One step; its type-specific settings stay in {@code spec} as written. */
    public record Step(String id, String type, Map<String, Object> spec) {
        public String text(String key) {
            return spec.get(key) instanceof String value ? value : null;
        }

        @SuppressWarnings("unchecked")
        public Map<String, Object> map(String key) {
            return spec.get(key) instanceof Map<?, ?> value ? (Map<String, Object>) value : Map.of();
        }

        /** The step to run after this one: "next", else the following step in the list (null = end). */
        public String next() {
            return text("next");
        }

        public Duration duration(String key) {
            String value = text(key);
            return value == null ? null : Duration.parse(value);
        }
    }

    /** A stored definition: its cron was accepted by the scheduler when it was saved. */
    public static WorkflowDefinition parse(Object raw) {
        return parse(raw, cron -> true);
    }

    /** @param cronAccepted the scheduler's check of a cron expression (core does not know the dialect) */
    @SuppressWarnings("unchecked")
    public static WorkflowDefinition parse(Object raw, Predicate<String> cronAccepted) {
        Violations violations = new Violations();
        if (!(raw instanceof Map<?, ?> map)) {
            violations.add("definition", "must be a JSON object with a trigger and steps");
            violations.throwIfAny();
            throw new IllegalStateException();
        }
        Map<String, Object> source = (Map<String, Object>) map;
        // The more specific messages first: Violations keeps the first message for a field.
        Trigger trigger = trigger(source.get("trigger"), cronAccepted, violations);
        List<Step> steps = steps(source.get("steps"), violations);
        WorkflowSchema.get().check(source, violations);
        violations.throwIfAny();
        return new WorkflowDefinition(trigger, steps, source);
    }

    public Step step(String id) {
        for (Step step : steps) if (step.id().equals(id)) return step;
        return null;
    }

    /** The step after {@code step}: its explicit "next", or the one below it, or null at the end. */
    public String following(Step step) {
        if (step.next() != null) return step.next().equals(END) ? null : step.next();
        int index = steps.indexOf(step);
        return index + 1 < steps.size() ? steps.get(index + 1).id() : null;
    }

    private static Trigger trigger(Object raw, Predicate<String> cronAccepted, Violations violations) {
        String at = "definition.trigger";
        if (!(raw instanceof Map<?, ?> map)) {
            violations.add(at, "is required: an object with a type (" + String.join(", ", sorted(TRIGGERS)) + ")");
            return null;
        }
        String type = map.get("type") instanceof String t ? t : null;
        if (type == null || !TRIGGERS.contains(type)) {
            violations.add(at + ".type", "must be one of " + sorted(TRIGGERS));
            return null;
        }
        String cron = string(map, "cron");
        String timezone = string(map, "timezone");
        if (type.equals("cron")) {
            violations.check(cron == null || cronAccepted.test(cron), at + ".cron",
                    "must be a Quartz cron expression (seconds minutes hours day-of-month month day-of-week), "
                            + "e.g. \"0 0 16 ? * FRI\" for Fridays at 16:00");
            if (timezone != null) {
                try {
                    ZoneId.of(timezone);
                } catch (DateTimeException e) {
                    violations.add(at + ".timezone", "must be a time zone such as Europe/Berlin");
                }
            }
        }
        return new Trigger(type, cron, timezone, string(map, "entity"), string(map, "action"), string(map, "field"),
                map.get("to"), map.get("threshold") instanceof Number n ? n.doubleValue() : null,
                map.get("days") instanceof Number n ? n.intValue() : null);
    }

    @SuppressWarnings("unchecked")
    private static List<Step> steps(Object raw, Violations violations) {
        List<Step> steps = new ArrayList<>();
        if (!(raw instanceof List<?> list)) return steps;
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "definition.steps[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> map)) continue;
            Map<String, Object> spec = new LinkedHashMap<>((Map<String, Object>) map);
            String id = spec.get("id") instanceof String s ? s : null;
            if (id != null && (id.equals(END) || !ids.add(id))) violations.add(at + ".id", "must be unique and not 'end'");
            String type = spec.get("type") instanceof String s ? s : null;
            if (type == null || !STEP_TYPES.contains(type)) {
                violations.add(at + ".type", "must be one of " + sorted(STEP_TYPES));
                continue;
            }
            Step step = new Step(id == null ? "step" + i : id, type, spec);
            checkMeaning(step, at, violations);
            steps.add(step);
        }
        for (int i = 0; i < steps.size(); i++) {
            for (String target : targets(steps.get(i))) {
                if (!target.equals(END) && !ids.contains(target)) {
                    violations.add("definition.steps[" + i + "]", "refers to an unknown step '" + target + "'");
                }
            }
        }
        return steps;
    }

    /** What the schema cannot say: text that is only spaces, durations that do not parse or are too long. */
    private static void checkMeaning(Step step, String at, Violations violations) {
        for (String key : List.of("prompt", "title", "subject", "body")) {
            if (step.text(key) != null && step.text(key).isBlank()) violations.add(at + "." + key, "must not be blank");
        }
        for (String key : List.of("dueIn", "duration", "timeout")) {
            String value = step.text(key);
            if (value == null) continue;
            try {
                Duration duration = Duration.parse(value);
                violations.check(!duration.isNegative() && duration.compareTo(LONGEST_WAIT) <= 0, at + "." + key,
                        "must be between zero and 365 days");
            } catch (DateTimeException e) {
                violations.add(at + "." + key, "must be an ISO-8601 duration such as PT2H or P3D");
            }
        }
    }

    private static List<String> targets(Step step) {
        List<String> targets = new ArrayList<>();
        if (step.next() != null) targets.add(step.next());
        for (String key : List.of("then", "else", "onTimeout", "default")) {
            // An agent step's default may name one of its branches instead of a step.
            String target = step.text(key);
            if (target == null || key.equals("default") && step.map("branches").containsKey(target)) continue;
            targets.add(target);
        }
        for (Object target : step.map("branches").values()) if (target instanceof String s) targets.add(s);
        return targets;
    }

    private static String string(Map<?, ?> map, String key) {
        return map.get(key) instanceof String value && !value.isBlank() ? value.strip() : null;
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
