package io.intelligencecrm.webhooks.subscription;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The tenant's webhook subscriptions (row-level security scopes every statement to the tenant). */
@RegisterRowMapper(SubscriptionDao.Mapper.class)
public interface SubscriptionDao {
    String COLUMNS = """
            id, url, description, events, score_threshold, active, failing_since, created_by, created_at, updated_at""";

    @SqlQuery("""
            insert into webhook_subscriptions (tenant_id, url, description, events, score_threshold, secret_sealed,
                                               created_by)
            values (crm_current_tenant(), :url, :description, :events, :threshold, :secret, :by)
            returning\s""" + COLUMNS)
    WebhookSubscription insert(@Bind("url") String url, @Bind("description") String description,
                               @Bind("events") String[] events, @Bind("threshold") BigDecimal threshold,
                               @Bind("secret") String sealedSecret, @Bind("by") UUID createdBy);

    @SqlQuery("select " + COLUMNS + " from webhook_subscriptions order by created_at")
    List<WebhookSubscription> list();

    @SqlQuery("select " + COLUMNS + " from webhook_subscriptions where active order by created_at")
    List<WebhookSubscription> active();

    @SqlQuery("select " + COLUMNS + " from webhook_subscriptions where id = :id")
    Optional<WebhookSubscription> find(@Bind("id") UUID id);

    @SqlQuery("select secret_sealed from webhook_subscriptions where id = :id")
    Optional<String> sealedSecret(@Bind("id") UUID id);

    @SqlQuery("select exists (select 1 from webhook_subscriptions where active)")
    boolean anyActive();

    @SqlQuery("""
            update webhook_subscriptions
               set url = :url, description = :description, events = :events, score_threshold = :threshold,
                   active = :active, failing_since = case when :active then null else failing_since end
             where id = :id
            returning\s""" + COLUMNS)
    Optional<WebhookSubscription> update(@Bind("id") UUID id, @Bind("url") String url,
                                         @Bind("description") String description, @Bind("events") String[] events,
                                         @Bind("threshold") BigDecimal threshold, @Bind("active") boolean active);

    @SqlUpdate("update webhook_subscriptions set secret_sealed = :secret where id = :id")
    int replaceSecret(@Bind("id") UUID id, @Bind("secret") String sealedSecret);

    /** Deliveries kept failing for the whole retry window: stop sending until an admin re-enables it. */
    @SqlUpdate("""
            update webhook_subscriptions set active = false, failing_since = coalesce(failing_since, now())
             where id = :id and active""")
    int flagFailing(@Bind("id") UUID id);

    @SqlUpdate("delete from webhook_subscriptions where id = :id")
    int delete(@Bind("id") UUID id);

    final class Mapper implements RowMapper<WebhookSubscription> {
        @Override
        public WebhookSubscription map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new WebhookSubscription(rs.getObject("id", UUID.class), rs.getString("url"),
                    rs.getString("description"), Arrays.asList((String[]) rs.getArray("events").getArray()),
                    rs.getBigDecimal("score_threshold"), rs.getBoolean("active"), instant(rs.getTimestamp("failing_since")),
                    rs.getObject("created_by", UUID.class), instant(rs.getTimestamp("created_at")),
                    instant(rs.getTimestamp("updated_at")));
        }

        private static Instant instant(Timestamp timestamp) {
            return timestamp == null ? null : timestamp.toInstant();
        }
    }
}
