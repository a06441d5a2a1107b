package io.intelligencecrm.core.contact;

import io.intelligencecrm.core.db.StoredEnum;

public enum LifecycleStage implements StoredEnum {
    LEAD, QUALIFIED, CUSTOMER, LOST
}
