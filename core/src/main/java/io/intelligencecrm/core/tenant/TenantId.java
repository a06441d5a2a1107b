package io.intelligencecrm.core.tenant;

import java.util.Objects;
import java.util.UUID;

/** The tenant a piece of work belongs to. Always taken from a verified session, never from input. */
public record TenantId(UUID value) {
    public TenantId {
        Objects.requireNonNull(value, "tenant id");
    }

    public static TenantId of(String value) {
        return new TenantId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
