package io.intelligencecrm.core.interaction;

import io.intelligencecrm.core.db.StoredEnum;

public enum InteractionType implements StoredEnum {
    NOTE, CALL, EMAIL, MEETING, CHAT, SMS
}
