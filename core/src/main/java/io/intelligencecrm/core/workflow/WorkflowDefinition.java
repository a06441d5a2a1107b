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
import java.util.regex.Pattern;

/**
 * A workflow's definition (schema version 1: the JSON schema in {@code workflow/workflow-schema.json}
 * on the classpath, and docs/how-it-works/workflows-and-outreach.md): one trigger and a list of steps. Parsing validates everything and reports each
 * problem with its path ({@code definition.steps[2].prompt}), so a bad definition is refused as a
 * whole with clear field messages, never stored half-valid.
 */
public record WorkflowDefinition(Trigger trigger, List<Step> steps, Map<String, Object> source) {
    public static final int SCHEMA_VERSION = 1;
    public static final int MAX_STEPS = 50;
    public static final String END = "end";
    public static final Set<String> TRIGGERS = Set.of("cron", "event", "score_threshold", "deal_idle", "manual");
    public static final Set<String> STEP_TYPES = Set.of("agent", "condition", "update_record", "create_task",
            "send_email", "draft_email", "notify", "report", "wait", "wait_for_reply");
    public static final Set<String> EVENT_ENTITIES = Set.of("contact", "company", "deal", "interaction");
    public static final Set<String> OPERATORS = Set.of("equals", "not_equals", "contains", "gt", "gte", "lt", "lte",
            "exists", "not_exists");
    public static final Set<String> REPORTS = Set.of("new_leads", "quiet_deals", "open_tasks");
    /** A notify step's Slack copy: "owner" (a direct message) or a channel id (public C…, private G…). */
    static final Pattern SLACK_TARGET = Pattern.compile("owner|[CG][A-Z0-9]{2,20}");

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
        Object version = source.getOrDefault("schemaVersion", SCHEMA_VERSION);
        violations.check(version instanceof Number n && n.intValue() == SCHEMA_VERSION, "definition.schemaVersion",
                "must be " + SCHEMA_VERSION);
        Trigger trigger = trigger(source.get("trigger"), cronAccepted, violations);
        List<Step> steps = steps(source.get("steps"), violations);
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
        String entity = string(map, "entity");
        String action = string(map, "action");
        String field = string(map, "field");
        Double threshold = map.get("threshold") instanceof Number n ? n.doubleValue() : null;
        Integer days = map.get("days") instanceof Number n ? n.intValue() : null;
        switch (type) {
            case "cron" -> {
                violations.check(cron != null && cronAccepted.test(cron), at + ".cron",
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
            case "event" -> {
                violations.check(entity != null && EVENT_ENTITIES.contains(entity), at + ".entity",
                        "must be one of " + sorted(EVENT_ENTITIES));
                violations.check(action != null && !action.isBlank(), at + ".action",
                        "is required, e.g. created, updated, deleted");
            }
            case "score_threshold" -> violations.check(threshold != null && threshold > 0 && threshold <= 100,
                    at + ".threshold", "must be a score between 0 and 100");
            case "deal_idle" -> violations.check(days != null && days >= 1 && days <= 365, at + ".days",
                    "must be a whole number of days from 1 to 365");
            default -> {
            }
        }
        return new Trigger(type, cron, timezone, entity, action, field, map.get("to"), threshold, days);
    }

    @SuppressWarnings("unchecked")
    private static List<Step> steps(Object raw, Violations violations) {
        List<Step> steps = new ArrayList<>();
        if (!(raw instanceof List<?> list) || list.isEmpty()) {
            violations.add("definition.steps", "must be a non-empty list of steps");
            return steps;
        }
        if (list.size() > MAX_STEPS) violations.add("definition.steps", "at most " + MAX_STEPS + " steps");
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "definition.steps[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> map)) {
                violations.add(at, "must be an object");
                continue;
            }
            Map<String, Object> spec = new LinkedHashMap<>((Map<String, Object>) map);
            String id = spec.get("id") instanceof String s && s.matches("[A-Za-z0-9_-]{1,40}") ? s : null;
            if (id == null) violations.add(at + ".id", "is required: letters, digits, _ or -, at most 40");
            else if (id.equals(END) || !ids.add(id)) violations.add(at + ".id", "must be unique and not 'end'");
            String type = spec.get("type") instanceof String s ? s : null;
            if (type == null || !STEP_TYPES.contains(type)) {
                violations.add(at + ".type", "must be one of " + sorted(STEP_TYPES));
                continue;
            }
            Step step = new Step(id == null ? "step" + i : id, type, spec);
            checkStep(step, at, violations);
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

    private static void checkStep(Step step, String at, Violations violations) {
        switch (step.type()) {
            case "agent" -> {
                requireText(step, "prompt", 4000, at, violations);
                Map<String, Object> branches = step.map("branches");
                for (Object target : branches.values()) {
                    violations.check(target instanceof String, at + ".branches", "each branch names a step id");
                }
            }
            case "condition" -> {
                Map<String, Object> condition = step.map("if");
                violations.check(condition.get("field") instanceof String, at + ".if.field",
                        "is required, e.g. record.lifecycleStage or steps.decide.text");
                violations.check(condition.get("op") instanceof String op && OPERATORS.contains(op), at + ".if.op",
                        "must be one of " + sorted(OPERATORS));
                violations.check(step.text("then") != null, at + ".then", "is required: the step id when true");
            }
            case "update_record" -> violations.check(!step.map("fields").isEmpty(), at + ".fields",
                    "is required: the fields to set on the triggering contact or deal");
            case "create_task" -> {
                requireText(step, "title", 300, at, violations);
                duration(step, "dueIn", at, violations, false);
            }
            case "send_email" -> {
                violations.check("owner".equals(step.text("to")) || "contact".equals(step.text("to")), at + ".to",
                        "must be owner (the workflow's owner) or contact (the triggering contact)");
                requireText(step, "subject", 200, at, violations);
                requireText(step, "body", 20_000, at, violations);
            }
            case "draft_email" -> {
                requireText(step, "subject", 200, at, violations);
                requireText(step, "body", 20_000, at, violations);
            }
            case "notify" -> {
                requireText(step, "title", 300, at, violations);
                Object slack = step.spec().get("slack");
                violations.check(slack == null || slack instanceof String target && SLACK_TARGET.matcher(target).matches(),
                        at + ".slack", "must be \"owner\" (a direct message) or a Slack channel id such as C0123ABCD");
            }
            case "report" -> {
                violations.check(step.text("report") != null && REPORTS.contains(step.text("report")),
                        at + ".report", "must be one of " + sorted(REPORTS));
                Object days = step.spec().getOrDefault("days", 7);
                violations.check(days instanceof Number n && n.intValue() >= 1 && n.intValue() <= 365,
                        at + ".days", "must be from 1 to 365");
            }
            case "wait" -> duration(step, "duration", at, violations, true);
            case "wait_for_reply" -> duration(step, "timeout", at, violations, true);
            default -> {
            }
        }
    }

    private static List<String> targets(Step step) {
        List<String> targets = new ArrayList<>();
        if (step.next() != null) targets.add(step.next());
        for (String key : List.of("then", "else", "onTimeout", "default")) {
            if (step.text(key) != null) targets.add(step.text(key));
        }
        for (Object target : step.map("branches").values()) if (target instanceof String s) targets.add(s);
        return targets;
    }

    private static void requireText(Step step, String key, int max, String at, Violations violations) {
        String value = step.text(key);
        violations.check(value != null && !value.isBlank() && value.length() <= max, at + "." + key,
                "is required, at most " + max + " characters");
    }

    private static void duration(Step step, String key, String at, Violations violations, boolean required) {
        String value = step.text(key);
        if (value == null) {
            violations.check(!required, at + "." + key, "is required: an ISO-8601 duration such as PT2H or P3D");
            return;
        }
        try {
            Duration duration = Duration.parse(value);
            violations.check(!duration.isNegative() && duration.compareTo(Duration.ofDays(365)) <= 0, at + "." + key,
                    "must be between zero and 365 days");
        } catch (DateTimeException e) {
            violations.add(at + "." + key, "must be an ISO-8601 duration such as PT2H or P3D");
        }
    }

    private static String string(Map<?, ?> map, String key) {
        return map.get(key) instanceof String value && !value.isBlank() ? value.strip() : null;
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
