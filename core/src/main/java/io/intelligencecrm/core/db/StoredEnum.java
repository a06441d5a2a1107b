package io.intelligencecrm.core.db;

/** An enum kept in a text column as its lower-case name (matching the schema's check constraints). */
public interface StoredEnum {
    String name();

    int ordinal();

    default String stored() {
        return StoredNames.of(getClass()).stored(ordinal());
    }

    static <E extends Enum<E> & StoredEnum> E parse(Class<E> type, String value) {
        E constant = StoredNames.of(type).parse(type, value);
        if (constant == null) throw new IllegalArgumentException("unknown " + type.getSimpleName() + ": " + value);
        return constant;
    }
}
