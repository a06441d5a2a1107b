package io.intelligencecrm.core.deal;

import io.intelligencecrm.core.db.StoredEnum;

public enum DealStage implements StoredEnum {
    PROSPECTING, QUALIFICATION, PROPOSAL, NEGOTIATION, WON, LOST;

    public boolean closed() {
        return this == WON || this == LOST;
    }
}
