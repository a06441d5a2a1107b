package io.intelligencecrm.core.interaction;

import io.intelligencecrm.core.db.StoredEnum;

public enum Direction implements StoredEnum {
    INBOUND, OUTBOUND, INTERNAL
}
