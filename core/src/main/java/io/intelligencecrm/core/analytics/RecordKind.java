package io.intelligencecrm.core.analytics;

import io.intelligencecrm.core.db.StoredEnum;

/** The kinds of records that can be counted. */
public enum RecordKind implements StoredEnum {
    CONTACTS, COMPANIES, DEALS, INTERACTIONS, TASKS
}
