package io.intelligencecrm.core.identity;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

public interface SessionDao {

    @SqlQuery("""
            insert into sessions (tenant_id, user_id, expires_at, user_agent)
            values (crm_current_tenant(), :userId, :expiresAt, :userAgent)
            returning id""")
    UUID create(@Bind("userId") UUID userId, @Bind("expiresAt") Instant expiresAt,
                @Bind("userAgent") String userAgent);

    @SqlQuery("""
            select s.id as session_id, u.id as user_id, u.role
              from sessions s join users u on u.tenant_id = s.tenant_id and u.id = s.user_id
             where s.id = :sessionId and s.revoked_at is null and s.expires_at > now() and u.active
               and not exists (select 1 from tenants t where t.id = u.tenant_id and t.suspended_at is not null)""")
    Optional<ActiveSession> findActive(@Bind("sessionId") UUID sessionId);

    @SqlUpdate("update sessions set revoked_at = now() where id = :sessionId and revoked_at is null")
    int revoke(@Bind("sessionId") UUID sessionId);

    @SqlUpdate("update sessions set revoked_at = now() where user_id = :userId and revoked_at is null")
    int revokeAllOf(@Bind("userId") UUID userId);

    @SqlUpdate("""
            insert into refresh_tokens (tenant_id, id, session_id, secret_hash, expires_at)
            values (crm_current_tenant(), :id, :sessionId, :secretHash, :expiresAt)""")
    void addRefreshToken(@Bind("id") UUID id, @Bind("sessionId") UUID sessionId,
                         @Bind("secretHash") String secretHash, @Bind("expiresAt") Instant expiresAt);

    record RefreshTokenRow(UUID id, UUID sessionId, String secretHash, Instant expiresAt, Instant usedAt) {
    }

    @SqlQuery("select id, session_id, secret_hash, expires_at, used_at from refresh_tokens where id = :id for update")
    Optional<RefreshTokenRow> lockRefreshToken(@Bind("id") UUID id);

    @SqlUpdate("update refresh_tokens set used_at = now() where id = :id")
    void markRefreshTokenUsed(@Bind("id") UUID id);
}
