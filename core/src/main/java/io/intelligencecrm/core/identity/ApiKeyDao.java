package io.intelligencecrm.core.identity;

import io.intelligencecrm.core.user.Role;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

public interface ApiKeyDao {
    String COLUMNS = "id, name, role, user_id, created_at, last_used_at, revoked_at";

    /** @param ownerRole the owning user's role now, which the key never exceeds */
    record StoredKey(UUID id, Role role, UUID userId, String secretHash, Role ownerRole) {
    }

    @SqlUpdate("""
            insert into api_keys (tenant_id, id, name, role, user_id, secret_hash)
            values (crm_current_tenant(), :id, :name, :role, :userId, :secretHash)""")
    void insert(@Bind("id") UUID id, @Bind("name") String name, @Bind("role") Role role,
                @Bind("userId") UUID userId, @Bind("secretHash") String secretHash);

    @SqlQuery("select " + COLUMNS + " from api_keys where id = :id")
    Optional<ApiKey> find(@Bind("id") UUID id);

    @SqlQuery("select " + COLUMNS + " from api_keys order by created_at desc")
    List<ApiKey> list();

    @SqlQuery("""
            select k.id, k.role, k.user_id, k.secret_hash, u.role as owner_role
              from api_keys k join users u on u.tenant_id = k.tenant_id and u.id = k.user_id
             where k.id = :id and k.revoked_at is null and u.active""")
    Optional<StoredKey> findActive(@Bind("id") UUID id);

    @SqlUpdate("""
            update api_keys set last_used_at = now()
             where id = :id and (last_used_at is null or last_used_at < now() - interval '1 minute')""")
    void touch(@Bind("id") UUID id);

    @SqlUpdate("update api_keys set revoked_at = now() where id = :id and revoked_at is null")
    int revoke(@Bind("id") UUID id);
}
