package io.intelligencecrm.core.db;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The stored words of one {@link StoredEnum} type, worked out once: every row read and every
 * value written goes through them, and lower-casing names each time showed up in list profiles.
 */
final class StoredNames {
    private static final ClassValue<StoredNames> NAMES = new ClassValue<>() {
        @Override
        protected StoredNames computeValue(Class<?> type) {
            return new StoredNames(type.isEnum() ? type : type.getSuperclass());
        }
    };

    private final String[] stored;
    private final Map<String, Enum<?>> byLowerCase = new HashMap<>();

    private StoredNames(Class<?> enumType) {
        Enum<?>[] constants = (Enum<?>[]) enumType.getEnumConstants();
        stored = new String[constants.length];
        for (Enum<?> constant : constants) {
            stored[constant.ordinal()] = constant.name().toLowerCase(Locale.ROOT);
            byLowerCase.put(stored[constant.ordinal()], constant);
        }
    }

    static StoredNames of(Class<?> type) {
        return NAMES.get(type);
    }

    String stored(int ordinal) {
        return stored[ordinal];
    }

    /** The constant whose stored word equals the value ignoring case, or null. */
    <E> E parse(Class<E> type, String value) {
        if (value == null) return null;
        Enum<?> constant = byLowerCase.get(value);
        if (constant == null) constant = byLowerCase.get(value.toLowerCase(Locale.ROOT));
        if (constant == null) {
            // equalsIgnoreCase also folds a few non-ASCII letters that toLowerCase does not; keep its answers.
            for (Map.Entry<String, Enum<?>> entry : byLowerCase.entrySet()) {
                if (entry.getKey().equalsIgnoreCase(value)) constant = entry.getValue();
            }
        }
        return type.cast(constant);
    }
}
