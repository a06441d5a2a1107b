package io.intelligencecrm.core.deal;

import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.tenant.TenantTransactions;
import java.util.Optional;
import java.util.UUID;

public final class DealRepository {
    private final TenantTransactions transactions;

    public DealRepository(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    public Deal create(TenantId tenant, NewDeal deal) {
        return transactions.inTenant(tenant, handle -> {
            DealDao dao = handle.attach(DealDao.class);
            return dao.find(dao.insert(deal)).orElseThrow();
        });
    }

    public Optional<Deal> find(TenantId tenant, UUID id) {
        return transactions.inTenant(tenant, handle -> handle.attach(DealDao.class).find(id));
    }
}
