package io.intelligencecrm.core.user;

import io.intelligencecrm.core.db.StoredEnum;

/** What a user may do: admins everything, managers all records, reps their own records. */
public enum Role implements StoredEnum {
    ADMIN, MANAGER, REP;

    public boolean atLeast(Role other) {
        return ordinal() <= other.ordinal();
    }
}
