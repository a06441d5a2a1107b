package io.intelligencecrm.core.company;

import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.tenant.TenantTransactions;
import java.util.Optional;
import java.util.UUID;

public final class CompanyRepository {
    private final TenantTransactions transactions;

    public CompanyRepository(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    public Company create(TenantId tenant, NewCompany company) {
        return transactions.inTenant(tenant, handle -> handle.attach(CompanyDao.class).insert(company));
    }

    public Optional<Company> find(TenantId tenant, UUID id) {
        return transactions.inTenant(tenant, handle -> handle.attach(CompanyDao.class).find(id));
    }
}
