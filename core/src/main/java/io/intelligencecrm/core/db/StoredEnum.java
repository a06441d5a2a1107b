package io.intelligencecrm.core.db;

import java.util.Locale;

/** An enum kept in a text column as its lower-case name (matching the schema's check constraints). */
public interface StoredEnum {
    String name();

    default String stored() {
        return name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E> & StoredEnum> E parse(Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.stored().equalsIgnoreCase(value)) return constant;
        }
        throw new IllegalArgumentException("unknown " + type.getSimpleName() + ": " + value);
    }
}
