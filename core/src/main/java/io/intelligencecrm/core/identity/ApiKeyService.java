package io.intelligencecrm.core.identity;

import io.intelligencecrm.core.audit.AuditTrail;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.error.Violations;
import io.intelligencecrm.core.tenant.TenantTransactions;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.core.user.User;
import io.intelligencecrm.core.user.UserDao;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Per-tenant API keys for bots and scripts; admins only. A key's role never exceeds its user's. */
public final class ApiKeyService {
    private final TenantTransactions transactions;
    private final AuditTrail audit;

    public ApiKeyService(TenantTransactions transactions, AuditTrail audit) {
        this.transactions = transactions;
        this.audit = audit;
    }

    /** The created key and its secret, which is never shown again. */
    public record CreatedKey(ApiKey key, String secret) {
    }

    /**
     * @param actsAs the user whose records the key works with (its ownership for rep keys); defaults to the admin
     */
    public CreatedKey create(Actor actor, String name, Role role, UUID actsAs) {
        Permissions.requireAdmin(actor, "manage API keys");
        new Violations()
                .check(name != null && !name.isBlank() && name.length() <= 100, "name", "is required (at most 100 characters)")
                .check(role != null, "role", "must be admin, manager, rep or viewer")
                .throwIfAny();
        UUID userId = actsAs == null ? actor.userId() : actsAs;
        return transactions.inTenant(actor.tenant(), handle -> {
            User owner = handle.attach(UserDao.class).find(userId)
                    .orElseThrow(() -> CrmException.invalid("userId", "no such user"));
            if (!owner.role().atLeast(role)) {
                throw CrmException.invalid("role", "cannot exceed the role of the user the key acts as ("
                        + owner.role().stored() + ")");
            }
            CompoundToken token = CompoundToken.issue(Authentication.API_KEY_KIND, actor.tenant(), UUID.randomUUID());
            ApiKeyDao keys = handle.attach(ApiKeyDao.class);
            keys.insert(token.id(), name.trim(), role, userId, token.secretHash());
            audit.record(actor, "api_key.create", "api_key", token.id(), Map.of("name", name, "role", role.stored()));
            return new CreatedKey(keys.find(token.id()).orElseThrow(), token.encoded());
        });
    }

    public List<ApiKey> list(Actor actor) {
        Permissions.requireAdmin(actor, "manage API keys");
        return transactions.inTenant(actor.tenant(), handle -> handle.attach(ApiKeyDao.class).list());
    }

    public void revoke(Actor actor, UUID keyId) {
        Permissions.requireAdmin(actor, "manage API keys");
        transactions.useTenant(actor.tenant(), handle -> {
            ApiKeyDao keys = handle.attach(ApiKeyDao.class);
            keys.find(keyId).orElseThrow(() -> CrmException.notFound("API key"));
            keys.revoke(keyId);
            audit.record(actor, "api_key.revoke", "api_key", keyId, Map.of());
        });
    }
}
