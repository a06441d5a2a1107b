package io.intelligencecrm.tools;

import io.intelligencecrm.core.analytics.Period;
import io.intelligencecrm.core.db.StoredEnum;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.record.FieldReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns what the model typed into values, or into a validation error that says how to fix it:
 * the model reads the message and retries.
 */
public final class ToolArguments {
    public static final int MAX_ROWS = 20;

    private ToolArguments() {
    }

    public static boolean given(String text) {
        return text != null && !text.isBlank();
    }

    public static String trimmed(String text) {
        return given(text) ? text.trim() : null;
    }

    /** Whether the text is an id rather than a name. */
    public static boolean isId(String text) {
        try {
            UUID.fromString(text.trim());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public static UUID id(String field, String text) {
        if (!given(text)) throw CrmException.invalid(field, "is required (an id as returned by a search tool)");
        try {
            return UUID.fromString(text.trim());
        } catch (IllegalArgumentException e) {
            throw CrmException.invalid(field, "'" + text + "' is not an id; search first and use the id it returns");
        }
    }

    public static List<UUID> ids(String field, List<String> texts) {
        if (texts == null || texts.isEmpty()) throw CrmException.invalid(field, "give at least one id");
        return texts.stream().map(text -> id(field, text)).distinct().toList();
    }

    /** An enum value by its stored name, case-insensitive; the error lists the allowed values. */
    public static <E extends Enum<E> & StoredEnum> E choice(String field, String text, Class<E> type) {
        if (!given(text)) throw CrmException.invalid(field, "is required; one of " + allowed(type));
        try {
            return StoredEnum.parse(type, text.trim());
        } catch (IllegalArgumentException e) {
            throw CrmException.invalid(field, "'" + text + "' is not allowed; use one of " + allowed(type));
        }
    }

    public static <E extends Enum<E> & StoredEnum> E optionalChoice(String field, String text, Class<E> type) {
        return given(text) ? choice(field, text, type) : null;
    }

    public static <E extends Enum<E> & StoredEnum> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(StoredEnum::stored).collect(Collectors.joining(", "));
    }

    public static String email(String field, String text) {
        String value = trimmed(text);
        if (value != null && !FieldReader.EMAIL.matcher(value).matches()) {
            throw CrmException.invalid(field, "'" + text + "' is not a valid email address (like jane@acme.com)");
        }
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    /** An ISO date, or today / tomorrow / yesterday / any period word (its first day), in the user's zone. */
    public static LocalDate date(String field, String text, ToolCall call) {
        if (!given(text)) return null;
        String phrase = text.trim().toLowerCase(Locale.ROOT);
        LocalDate today = LocalDate.now(call.clock().withZone(call.zone()));
        if (phrase.equals("tomorrow")) return today.plusDays(1);
        try {
            return LocalDate.parse(phrase);
        } catch (DateTimeParseException notIso) {
            try {
                return Period.parse(phrase, call.zone(), call.clock()).from();
            } catch (CrmException notPeriod) {
                throw CrmException.invalid(field, "'" + text + "' is not a date; use an ISO date like 2026-11-24"
                        + " or today, tomorrow, yesterday, next month");
            }
        }
    }

    /** An amount's value as people write it (100k, $1.5m, 20,000); any currency it names is left out. */
    public static BigDecimal amount(String field, String text) {
        return given(text) ? Amount.parse(field, text).value() : null;
    }

    public static Period period(String text, ToolCall call) {
        return Period.parse(given(text) ? text : "this month", call.zone(), call.clock());
    }

    /** A row limit between 1 and {@link #MAX_ROWS}; {@code null} means the maximum. */
    public static int limit(Integer requested) {
        if (requested == null) return MAX_ROWS;
        return Math.max(1, Math.min(MAX_ROWS, requested));
    }
}
