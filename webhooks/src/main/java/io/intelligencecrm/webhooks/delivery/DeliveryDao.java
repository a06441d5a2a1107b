package io.intelligencecrm.webhooks.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Deliveries and their attempts, within the tenant of the open transaction. */
public interface DeliveryDao {
    String COLUMNS = """
            id, subscription_id, event_type, record_type, record_id, status, attempts, first_attempt_at,
            next_attempt_at, last_attempt_at, response_status, response_millis, last_error, created_at, delivered_at""";

    /** @return 0 when this event was already fanned out to this subscription (a redelivered outbox message) */
    @SqlUpdate("""
            insert into webhook_deliveries (tenant_id, id, subscription_id, event_type, record_type, record_id,
                                            contact_id, sequence, payload)
            values (crm_current_tenant(), :id, :subscription, :event, :recordType, :recordId, :contact, :sequence,
                    cast(:payload as jsonb))
            on conflict (tenant_id, id) do nothing""")
    int insert(@Bind("id") UUID id, @Bind("subscription") UUID subscriptionId, @Bind("event") String eventType,
               @Bind("recordType") String recordType, @Bind("recordId") UUID recordId, @Bind("contact") UUID contactId,
               @Bind("sequence") long sequence, @Bind("payload") String payload);

    @SqlQuery("select " + COLUMNS + " from webhook_deliveries where id = :id")
    Optional<WebhookDelivery> find(@Bind("id") UUID id);

    @SqlQuery("select " + COLUMNS + " from webhook_deliveries where id = :id for update")
    Optional<WebhookDelivery> lock(@Bind("id") UUID id);

    @SqlQuery("select payload::text from webhook_deliveries where id = :id")
    String payload(@Bind("id") UUID id);

    /** Whether an earlier delivery of the same record to the same subscription is still waiting to go out. */
    @SqlQuery("""
            select exists (select 1 from webhook_deliveries
                            where subscription_id = :subscription and record_id = :record and status = 'pending'
                              and sequence < (select sequence from webhook_deliveries where id = :id))""")
    boolean hasEarlierPending(@Bind("id") UUID id, @Bind("subscription") UUID subscriptionId,
                              @Bind("record") UUID recordId);

    @SqlUpdate("""
            insert into webhook_attempts (tenant_id, delivery_id, number, attempted_at, response_status,
                                          response_millis, error)
            values (crm_current_tenant(), :id, :number, :at, :status, :millis, :error)""")
    void addAttempt(@Bind("id") UUID id, @Bind("number") int number, @Bind("at") Instant at,
                    @Bind("status") Integer responseStatus, @Bind("millis") int millis, @Bind("error") String error);

    @SqlUpdate("""
            update webhook_deliveries
               set attempts = :number, first_attempt_at = coalesce(first_attempt_at, :at), last_attempt_at = :at,
                   response_status = :status, response_millis = :millis, last_error = :error,
                   status = :outcome, next_attempt_at = :next,
                   delivered_at = case when :outcome = 'delivered' then cast(:at as timestamptz) end
             where id = :id""")
    void recordAttempt(@Bind("id") UUID id, @Bind("number") int number, @Bind("at") Instant at,
                       @Bind("status") Integer responseStatus, @Bind("millis") int millis, @Bind("error") String error,
                       @Bind("outcome") String outcome, @Bind("next") Instant nextAttemptAt);

    @SqlUpdate("""
            update webhook_deliveries set status = 'cancelled', next_attempt_at = null, last_error = :reason
             where id = :id and status = 'pending'""")
    int cancel(@Bind("id") UUID id, @Bind("reason") String reason);

    /** Sends it again from scratch: a new retry window, the same webhook-id. */
    @SqlUpdate("""
            update webhook_deliveries set status = 'pending', first_attempt_at = null, next_attempt_at = now()
             where id = :id and status <> 'pending'""")
    int reopen(@Bind("id") UUID id);

    @SqlQuery("select " + COLUMNS + """
             from webhook_deliveries
            where subscription_id = :subscription and (cast(:status as text) is null or status = :status)
              and (cast(:before as timestamptz) is null or created_at < :before)
            order by created_at desc, id limit :limit""")
    List<WebhookDelivery> list(@Bind("subscription") UUID subscriptionId, @Bind("status") String status,
                               @Bind("before") Instant before, @Bind("limit") int limit);

    @SqlQuery("""
            select number, attempted_at, response_status, response_millis, error
              from webhook_attempts where delivery_id = :id order by number""")
    List<DeliveryAttempt> attempts(@Bind("id") UUID id);

    /** Erasure: the bodies that name the person lose everything but the fact of the event; unsent ones are not sent. */
    @SqlUpdate("""
            update webhook_deliveries
               set payload = jsonb_build_object('type', event_type, 'redacted', true),
                   status = case when status = 'pending' then 'cancelled' else status end,
                   last_error = case when status = 'pending' then 'the person was erased' else last_error end,
                   next_attempt_at = null
             where contact_id = :contact""")
    int redactPerson(@Bind("contact") UUID contactId);
}
