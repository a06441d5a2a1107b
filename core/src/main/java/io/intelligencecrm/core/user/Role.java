package io.intelligencecrm.core.user;

import io.intelligencecrm.core.db.StoredEnum;

/** What a user may do: admins everything, managers all records, reps their own records, viewers read only. */
public enum Role implements StoredEnum {
    ADMIN, MANAGER, REP, VIEWER;

    public boolean atLeast(Role other) {
        return ordinal() <= other.ordinal();
    }

    /** The one of two roles that may do less. */
    public static Role weaker(Role one, Role other) {
        return one.atLeast(other) ? other : one;
    }

    /** Whether this role may change any record at all (viewers may not). */
    public boolean writes() {
        return this != VIEWER;
    }
}
