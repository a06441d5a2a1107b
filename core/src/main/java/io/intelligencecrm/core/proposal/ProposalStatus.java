package io.intelligencecrm.core.proposal;

import io.intelligencecrm.core.db.StoredEnum;

public enum ProposalStatus implements StoredEnum {
    PENDING, EXECUTING, EXECUTED, FAILED, REJECTED, EXPIRED
}
