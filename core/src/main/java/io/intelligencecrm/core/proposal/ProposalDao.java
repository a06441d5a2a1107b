package io.intelligencecrm.core.proposal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Runs inside a tenant transaction: row-level security supplies the tenant. */
public interface ProposalDao {
    String COLUMNS = "id, user_id, conversation_id, action, arguments, arguments_hash, summary, status, outcome, "
            + "expires_at, created_at, decided_at";

    @SqlQuery("""
            insert into proposals (tenant_id, user_id, conversation_id, action, arguments, arguments_hash, summary,
                                   expires_at)
            values (crm_current_tenant(), :userId, :conversationId, :action, :arguments, :hash, :summary, :expiresAt)
            returning\s""" + COLUMNS)
    Proposal insert(@Bind("userId") UUID userId, @Bind("conversationId") UUID conversationId,
                    @Bind("action") String action, @Bind("arguments") Map<String, Object> arguments,
                    @Bind("hash") String hash, @Bind("summary") String summary, @Bind("expiresAt") Instant expiresAt);

    @SqlQuery("select " + COLUMNS + " from proposals where id = :id")
    Optional<Proposal> find(@Bind("id") UUID id);

    @SqlQuery("select " + COLUMNS + " from proposals where id = :id for update")
    Optional<Proposal> lock(@Bind("id") UUID id);

    @SqlQuery("""
            select\s""" + COLUMNS + """
             from proposals
            where user_id = :userId and status = 'pending' and expires_at > :now
              and (cast(:conversationId as uuid) is null or conversation_id = :conversationId)
            order by created_at desc limit 50""")
    List<Proposal> pending(@Bind("userId") UUID userId, @Bind("conversationId") UUID conversationId,
                           @Bind("now") Instant now);

    @SqlQuery("""
            update proposals set status = :status, outcome = :outcome, decided_at = now()
             where id = :id
            returning\s""" + COLUMNS)
    Proposal decide(@Bind("id") UUID id, @Bind("status") ProposalStatus status,
                    @Bind("outcome") Map<String, Object> outcome);
}
