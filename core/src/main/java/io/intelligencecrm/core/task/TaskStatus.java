package io.intelligencecrm.core.task;

import io.intelligencecrm.core.db.StoredEnum;

/** Which tasks a list shows: still to do, done, or both. */
public enum TaskStatus implements StoredEnum {
    OPEN, DONE, ALL
}
