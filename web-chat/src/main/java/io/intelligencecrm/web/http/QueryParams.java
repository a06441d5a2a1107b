package io.intelligencecrm.web.http;

import io.intelligencecrm.core.db.StoredEnum;
import io.intelligencecrm.core.error.Violations;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Typed query parameters with a message per bad one. Not thread-safe: one per request; call
 * {@link #validate()} after reading.
 */
public final class QueryParams {
    private final Context ctx;
    private final Violations violations = new Violations();

    public QueryParams(Context ctx) {
        this.ctx = ctx;
    }

    public String text(String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    public UUID uuid(String name) {
        String value = text(name);
        if (value == null) return null;
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            violations.add(name, "must be an id (UUID)");
            return null;
        }
    }

    /** A timestamp, or a date meaning its start in UTC. */
    public Instant instant(String name) {
        String value = text(name);
        if (value == null) return null;
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            violations.add(name, "must be a date (2026-11-23) or timestamp (2026-11-23T10:00:00Z)");
            return null;
        }
    }

    public LocalDate date(String name) {
        String value = text(name);
        if (value == null) return null;
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            violations.add(name, "must be a date like 2026-11-23");
            return null;
        }
    }

    public BigDecimal decimal(String name) {
        String value = text(name);
        if (value == null) return null;
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            violations.add(name, "must be a number");
            return null;
        }
    }

    public Integer integer(String name) {
        String value = text(name);
        if (value == null) return null;
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            violations.add(name, "must be a whole number");
            return null;
        }
    }

    public Boolean bool(String name) {
        String value = text(name);
        if (value == null) return null;
        return switch (value.toLowerCase()) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> {
                violations.add(name, "must be true or false");
                yield null;
            }
        };
    }

    public <E extends Enum<E> & StoredEnum> E choice(String name, Class<E> type) {
        String value = text(name);
        if (value == null) return null;
        try {
            return StoredEnum.parse(type, value);
        } catch (IllegalArgumentException e) {
            StringBuilder allowed = new StringBuilder();
            for (E constant : type.getEnumConstants()) allowed.append(allowed.isEmpty() ? "" : ", ").append(constant.stored());
            violations.add(name, "must be one of " + allowed);
            return null;
        }
    }

    /** Parameters named {@code prefix.key}, e.g. {@code custom.plan=pro}, as key to value. */
    public Map<String, String> prefixed(String prefix) {
        Map<String, String> values = new LinkedHashMap<>();
        ctx.queryParamMap().forEach((name, list) -> {
            if (name.startsWith(prefix) && !list.isEmpty()) values.put(name.substring(prefix.length()), list.getFirst());
        });
        return values;
    }

    /** Throws one validation error naming every bad parameter. */
    public void validate() {
        violations.throwIfAny();
    }
}
