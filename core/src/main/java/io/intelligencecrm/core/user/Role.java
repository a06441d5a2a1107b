package io.intelligencecrm.core.user;

import io.intelligencecrm.core.db.StoredEnum;

/** What a user may do: admins everything, managers all records, reps their own records, viewers read only. */
public enum Role implements StoredEnum {
    ADMIN, MANAGER, REP, VIEWER;

    public boolean atLeast(Role other) {
        return ordinal() <= other.ordinal();
    }

    /** Whether this role may change any record at all (viewers may not). */
    public boolean writes() {
        return this != VIEWER;
    }
}
