package io.intelligencecrm.core.contact;

import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.tenant.TenantTransactions;
import java.util.Optional;
import java.util.UUID;

public final class ContactRepository {
    private final TenantTransactions transactions;

    public ContactRepository(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    public Contact create(TenantId tenant, NewContact contact) {
        return transactions.inTenant(tenant, handle -> {
            ContactDao dao = handle.attach(ContactDao.class);
            return dao.find(dao.insert(contact)).orElseThrow();
        });
    }

    public Optional<Contact> find(TenantId tenant, UUID id) {
        return transactions.inTenant(tenant, handle -> handle.attach(ContactDao.class).find(id));
    }

    public long countActive(TenantId tenant) {
        return transactions.inTenant(tenant, handle -> handle.attach(ContactDao.class).countActive());
    }
}
