package io.intelligencecrm.scheduler.steps;

import io.intelligencecrm.scheduler.engine.StepAction;
import io.intelligencecrm.scheduler.engine.StepContext;
import io.intelligencecrm.scheduler.engine.StepResult;
import io.intelligencecrm.scheduler.engine.Templates;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** Branches on a field of the record, the event or an earlier step's output: {@code then} or {@code else}. */
public final class ConditionStep implements StepAction {

    @Override
    public String type() {
        return "condition";
    }

    @Override
    public StepResult run(StepContext context) {
        Map<String, Object> condition = context.step().map("if");
        String field = (String) condition.get("field");
        Object actual = Templates.lookup(context.variables(), field);
        Object expected = condition.get("value");
        boolean holds = holds((String) condition.get("op"), actual, expected);
        String next = holds ? context.step().text("then") : context.step().text("else");
        return StepResult.goTo(Map.of("field", field, "value", String.valueOf(actual), "result", holds), next);
    }

    static boolean holds(String op, Object actual, Object expected) {
        return switch (op) {
            case "exists" -> actual != null && !String.valueOf(actual).isBlank();
            case "not_exists" -> actual == null || String.valueOf(actual).isBlank();
            case "equals" -> same(actual, expected);
            case "not_equals" -> !same(actual, expected);
            case "contains" -> actual != null && expected != null && String.valueOf(actual).toLowerCase(Locale.ROOT)
                    .contains(String.valueOf(expected).toLowerCase(Locale.ROOT));
            default -> compare(op, number(actual), number(expected));
        };
    }

    private static boolean same(Object actual, Object expected) {
        BigDecimal a = number(actual);
        BigDecimal b = number(expected);
        if (a != null && b != null) return a.compareTo(b) == 0;
        return actual != null && expected != null
                ? String.valueOf(actual).equalsIgnoreCase(String.valueOf(expected)) : Objects.equals(actual, expected);
    }

    private static boolean compare(String op, BigDecimal actual, BigDecimal expected) {
        if (actual == null || expected == null) return false;
        int order = actual.compareTo(expected);
        return switch (op) {
            case "gt" -> order > 0;
            case "gte" -> order >= 0;
            case "lt" -> order < 0;
            case "lte" -> order <= 0;
            default -> false;
        };
    }

    private static BigDecimal number(Object value) {
        if (value instanceof Number number) return new BigDecimal(number.toString());
        if (value instanceof String text) {
            try {
                return new BigDecimal(text.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
