package io.intelligencecrm.core.interaction;

import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.tenant.TenantTransactions;
import java.util.List;
import java.util.UUID;

public final class InteractionRepository {
    private final TenantTransactions transactions;

    public InteractionRepository(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    public Interaction create(TenantId tenant, NewInteraction interaction) {
        return transactions.inTenant(tenant, handle -> handle.attach(InteractionDao.class).insert(interaction));
    }

    public List<Interaction> recentForContact(TenantId tenant, UUID contactId, int limit) {
        return transactions.inTenant(tenant, handle -> handle.attach(InteractionDao.class)
                .recentForContact(contactId, limit));
    }
}
