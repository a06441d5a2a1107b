package io.intelligencecrm.core.contact.transfer;

import io.intelligencecrm.core.db.StoredEnum;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Locale;

/** The type of an imported custom attribute, inferred from every value in its column. */
public enum AttributeType implements StoredEnum {
    NUMBER, BOOLEAN, TEXT;

    static AttributeType infer(Collection<String> values) {
        boolean numbers = true;
        boolean booleans = true;
        boolean any = false;
        for (String value : values) {
            if (value == null || value.isBlank()) continue;
            any = true;
            numbers &= number(value) != null;
            booleans &= bool(value) != null;
        }
        if (!any) return TEXT;
        return numbers ? NUMBER : booleans ? BOOLEAN : TEXT;
    }

    Object convert(String value) {
        return switch (this) {
            case NUMBER -> number(value);
            case BOOLEAN -> bool(value);
            case TEXT -> value.trim();
        };
    }

    /** Leading zeros (zip codes, ids) keep a value text, so nothing typed is lost. */
    private static BigDecimal number(String value) {
        String trimmed = value.trim();
        if (trimmed.length() > 1 && trimmed.startsWith("0") && !trimmed.startsWith("0.")) return null;
        try {
            return new BigDecimal(trimmed.replace(",", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Boolean bool(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y" -> true;
            case "false", "no", "n" -> false;
            default -> null;
        };
    }
}
