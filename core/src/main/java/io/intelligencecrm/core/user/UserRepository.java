package io.intelligencecrm.core.user;

import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.tenant.TenantTransactions;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public final class UserRepository {
    private final TenantTransactions transactions;

    public UserRepository(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    public User create(TenantId tenant, String email, String fullName, Role role, String timezone,
                       String passwordHash) {
        return transactions.inTenant(tenant, handle -> handle.attach(UserDao.class)
                .insert(email, fullName, role, timezone, passwordHash));
    }

    public Optional<User> find(TenantId tenant, UUID id) {
        return transactions.inTenant(tenant, handle -> handle.attach(UserDao.class).find(id));
    }

    public Optional<User> findByEmail(TenantId tenant, String email) {
        return transactions.inTenant(tenant, handle -> handle.attach(UserDao.class).findByEmail(email));
    }

    public Optional<String> passwordHash(TenantId tenant, UUID userId) {
        return transactions.inTenant(tenant, handle -> handle.attach(UserDao.class).passwordHash(userId));
    }

    public List<User> list(TenantId tenant) {
        return transactions.inTenant(tenant, handle -> handle.attach(UserDao.class).list());
    }
}
