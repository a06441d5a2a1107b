package io.intelligencecrm.core.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Runs inside a tenant transaction: row-level security supplies the tenant. */
public interface ConversationDao {
    String COLUMNS = "id, user_id, title, channel, created_at, updated_at";

    @SqlQuery("""
            insert into conversations (tenant_id, user_id, title, channel, external_ref)
            values (crm_current_tenant(), :userId, :title, :channel, :externalRef)
            returning\s""" + COLUMNS)
    Conversation insert(@Bind("userId") UUID userId, @Bind("title") String title, @Bind("channel") String channel,
                        @Bind("externalRef") String externalRef);

    /** The user's conversation carried on outside the app (a Slack thread), by the channel's own reference. */
    @SqlQuery("""
            select\s""" + COLUMNS + """
             from conversations
            where channel = :channel and external_ref = :externalRef and user_id = :userId and deleted_at is null""")
    Optional<Conversation> findExternal(@Bind("channel") String channel, @Bind("externalRef") String externalRef,
                                        @Bind("userId") UUID userId);

    /** Empty when a concurrent delivery created it first. */
    @SqlQuery("""
            insert into conversations (tenant_id, user_id, title, channel, external_ref)
            values (crm_current_tenant(), :userId, :title, :channel, :externalRef)
            on conflict (tenant_id, channel, external_ref) where external_ref is not null do nothing
            returning\s""" + COLUMNS)
    Optional<Conversation> insertExternal(@Bind("userId") UUID userId, @Bind("title") String title,
                                          @Bind("channel") String channel, @Bind("externalRef") String externalRef);

    @SqlQuery("select " + COLUMNS + " from conversations where id = :id and user_id = :userId and deleted_at is null")
    Optional<Conversation> findOwn(@Bind("id") UUID id, @Bind("userId") UUID userId);

    @SqlQuery("""
            select\s""" + COLUMNS + """
             from conversations
            where user_id = :userId and deleted_at is null
              and (cast(:before as timestamptz) is null or updated_at < :before)
            order by updated_at desc limit :limit""")
    List<Conversation> listOwn(@Bind("userId") UUID userId, @Bind("before") Instant before,
                               @Bind("limit") int limit);

    @SqlUpdate("update conversations set title = :title where id = :id and user_id = :userId and deleted_at is null")
    int rename(@Bind("id") UUID id, @Bind("userId") UUID userId, @Bind("title") String title);

    @SqlUpdate("update conversations set updated_at = now() where id = :id")
    void touch(@Bind("id") UUID id);

    /** Messages go with it; proposals keep their row (and audit) with the conversation cleared. */
    @SqlUpdate("delete from conversations where id = :id and user_id = :userId")
    int delete(@Bind("id") UUID id, @Bind("userId") UUID userId);

    @SqlUpdate("""
            insert into messages (tenant_id, conversation_id, role, content)
            values (crm_current_tenant(), :id, 'event', cast(:json as jsonb))""")
    void addEvent(@Bind("id") UUID conversationId, @Bind("json") String json);

    @SqlQuery("select id, role, content::text, evicted, created_at from messages where conversation_id = :id order by id")
    List<StoredMessage> history(@Bind("id") UUID conversationId);
}
