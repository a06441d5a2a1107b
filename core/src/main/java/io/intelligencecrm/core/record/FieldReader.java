package io.intelligencecrm.core.record;

import io.intelligencecrm.core.db.StoredEnum;
import io.intelligencecrm.core.error.Violations;
import io.intelligencecrm.core.text.NulCharacters;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads the fields of a create or PATCH body (a JSON object as a map) into typed values,
 * collecting a message per bad field. A field present with null means "clear it".
 * Not thread-safe: one per request.
 */
public final class FieldReader {
    public static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^[0-9+()\\-. /x]{3,40}$");
    private static final Pattern ATTRIBUTE_KEY = Pattern.compile("^[A-Za-z][A-Za-z0-9_ .-]{0,63}$");

    private final Map<String, Object> input;
    private final Violations violations;

    public FieldReader(Map<String, Object> input, Set<String> knownFields, Violations violations) {
        this.input = input == null ? Map.of() : input;
        this.violations = violations;
        for (String field : this.input.keySet()) {
            if (!knownFields.contains(field)) violations.add(field, "is not a known field");
        }
    }

    public boolean has(String field) {
        return input.containsKey(field);
    }

    public String text(String field, int maxLength) {
        Object value = input.get(field);
        if (value == null) return null;
        if (!(value instanceof String text)) {
            violations.add(field, "must be text");
            return null;
        }
        if (NulCharacters.in(text)) {
            violations.add(field, NulCharacters.MESSAGE);
            return null;
        }
        String trimmed = text.strip();
        if (trimmed.length() > maxLength) violations.add(field, "must be at most " + maxLength + " characters");
        return trimmed.isEmpty() ? null : trimmed;
    }

    public String requiredText(String field, int maxLength) {
        String value = text(field, maxLength);
        if (value == null) violations.add(field, "is required");
        return value;
    }

    public String email(String field) {
        String value = text(field, 320);
        if (value != null && !EMAIL.matcher(value).matches()) violations.add(field, "must be a valid email address");
        return value == null ? null : value.toLowerCase();
    }

    public String phone(String field) {
        String value = text(field, 40);
        if (value != null && !PHONE.matcher(value).matches()) {
            violations.add(field, "must be a phone number (digits, spaces, + ( ) - .)");
        }
        return value;
    }

    public UUID id(String field) {
        Object value = input.get(field);
        if (value == null) return null;
        try {
            return UUID.fromString(value.toString());
        } catch (IllegalArgumentException e) {
            violations.add(field, "must be an id (UUID)");
            return null;
        }
    }

    public <E extends Enum<E> & StoredEnum> E choice(String field, Class<E> type) {
        Object value = input.get(field);
        if (value == null) return null;
        try {
            return StoredEnum.parse(type, value.toString().trim());
        } catch (IllegalArgumentException e) {
            violations.add(field, "must be one of " + allowed(type));
            return null;
        }
    }

    public BigDecimal amount(String field) {
        Object value = input.get(field);
        if (value == null) return null;
        try {
            BigDecimal amount = new BigDecimal(value.toString());
            if (amount.signum() < 0) violations.add(field, "must not be negative");
            else if (amount.scale() > 2 || amount.precision() - amount.scale() > 12) {
                violations.add(field, "must have at most 12 digits and 2 decimals");
            }
            return amount;
        } catch (NumberFormatException e) {
            violations.add(field, "must be a number");
            return null;
        }
    }

    public Boolean bool(String field) {
        Object value = input.get(field);
        if (value == null || value instanceof Boolean) return (Boolean) value;
        violations.add(field, "must be true or false");
        return null;
    }

    public LocalDate date(String field) {
        Object value = input.get(field);
        if (value == null) return null;
        try {
            return LocalDate.parse(value.toString());
        } catch (DateTimeParseException e) {
            violations.add(field, "must be a date like 2026-12-31");
            return null;
        }
    }

    public Instant instant(String field) {
        Object value = input.get(field);
        if (value == null) return null;
        try {
            return Instant.parse(value.toString());
        } catch (DateTimeParseException e) {
            violations.add(field, "must be a timestamp like 2026-11-23T14:30:00Z");
            return null;
        }
    }

    public String currency(String field) {
        String value = text(field, 20);
        if (value != null && !value.matches("[A-Za-z]{3}")) violations.add(field, "must be a 3-letter ISO currency code");
        return value == null ? null : value.toUpperCase();
    }

    /** Custom attributes: flat keys with text, number or boolean values (null removes a key in a PATCH). */
    public Map<String, Object> attributes(String field) {
        Object value = input.get(field);
        if (value == null) return null;
        if (!(value instanceof Map<?, ?> map)) {
            violations.add(field, "must be an object of attribute names to values");
            return null;
        }
        if (map.size() > 200) violations.add(field, "may hold at most 200 attributes");
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            Object attribute = entry.getValue();
            if (!ATTRIBUTE_KEY.matcher(key).matches()) {
                violations.add(field + "." + key, "attribute names start with a letter, at most 64 characters");
            } else if (attribute != null && !(attribute instanceof String || attribute instanceof Number
                    || attribute instanceof Boolean)) {
                violations.add(field + "." + key, "unsupported attribute type: use text, a number or true/false");
            } else if (attribute instanceof String text && NulCharacters.in(text)) {
                violations.add(field + "." + key, NulCharacters.MESSAGE);
            } else if (attribute instanceof String text && text.length() > 2000) {
                violations.add(field + "." + key, "must be at most 2000 characters");
            } else {
                attributes.put(key, attribute);
            }
        }
        return attributes;
    }

    private static <E extends Enum<E> & StoredEnum> String allowed(Class<E> type) {
        StringBuilder text = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            if (!text.isEmpty()) text.append(", ");
            text.append(constant.stored());
        }
        return text.toString();
    }
}
