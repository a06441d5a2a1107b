package io.intelligencecrm.outreach.mail;

import io.intelligencecrm.core.outbox.OutboxDispatcher;
import io.intelligencecrm.core.outbox.OutboxHandler;
import io.intelligencecrm.core.outbox.OutboxMessage;
import io.intelligencecrm.core.outbox.OutboxResult;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.outreach.delivery.Deliveries;
import io.intelligencecrm.outreach.delivery.Delivery;
import io.intelligencecrm.outreach.delivery.DeliveryOutcome;
import io.intelligencecrm.outreach.delivery.RetrySchedule;
import io.intelligencecrm.outreach.suppression.SuppressionList;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers queued email ({@code email.send}) for one tenant's batch: skips what was already sent
 * (a redelivery after a crash), stops what is suppressed, puts off what is over the daily cap to the
 * next day, and sends the rest over one connection. Each message ends on its own: a 5xx reply fails
 * only that message (with the reply recorded), a 4xx puts only that message off on the
 * {@link RetrySchedule} until its period runs out, and a connection that cannot be opened, or breaks
 * twice in a row, puts the rest off without using up their period. A final failure tells the sender.
 *
 * <p>The one window that cannot be closed with SMTP: a crash (or a dropped connection) after the
 * server accepted a message and before its reply arrived or {@code sent} was committed resends it,
 * with the same Message-ID.
 */
public final class EmailDelivery implements OutboxHandler {
    private static final Logger log = LoggerFactory.getLogger(EmailDelivery.class);

    private final MailSettingsService routes;
    private final MailComposer composer;
    private final SuppressionList suppressions;
    private final Deliveries deliveries;
    private final RetrySchedule retries;
    private final Clock clock;

    public EmailDelivery(MailSettingsService routes, MailComposer composer, SuppressionList suppressions,
                         Deliveries deliveries, RetrySchedule retries, Clock clock) {
        this.routes = routes;
        this.composer = composer;
        this.suppressions = suppressions;
        this.deliveries = deliveries;
        this.retries = retries;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return OutboundEmail.KIND;
    }

    @Override
    public int batchSize() {
        return 100;
    }

    private record Pending(OutboxMessage message, OutboundEmail email, String messageId, Delivery before) {
        String key() {
            return message.idempotencyKey();
        }
    }

    @Override
    public OutboxResult handle(List<OutboxMessage> batch) {
        TenantId tenant = batch.getFirst().tenant();
        deliveries.releaseExpired(tenant);
        MailRoute route = routes.route(tenant);
        Map<String, Delivery> known = deliveries.find(tenant, batch.stream().map(OutboxMessage::idempotencyKey).toList());
        Set<String> suppressed = suppressions.suppressed(tenant, batch.stream()
                .map(m -> OutboundEmail.fromPayload(m.payload()).to()).filter(to -> to != null).toList());
        int allowance = route.dailyCap() - deliveries.sentToday(tenant, "email");

        Map<Long, String> permanent = new HashMap<>();
        Map<Long, Instant> later = new HashMap<>();
        List<DeliveryOutcome> settled = new ArrayList<>();
        List<Pending> toSend = new ArrayList<>();
        for (OutboxMessage message : batch) {
            OutboundEmail email = OutboundEmail.fromPayload(message.payload());
            String key = message.idempotencyKey();
            Delivery before = known.get(key);
            if (before != null && before.settled()) continue;
            if (email.to() == null || email.subject() == null || email.body() == null) {
                permanent.put(message.id(), "the queued email lacks a recipient, subject or body");
                continue;
            }
            String messageId = before != null ? before.messageId()
                    : MailComposer.messageId(tenant, key, route.fromAddress());
            Pending pending = new Pending(message, email, messageId, before);
            if (suppressed.contains(SuppressionList.normalise(email.to()))) {
                settled.add(outcome(pending, "suppressed", "unsubscribed, bounced or blocked"));
            } else if (allowance <= 0) {
                settled.add(deferred(pending, "the daily sending limit was reached", deliveries.nextDay(), null));
            } else {
                allowance--;
                toSend.add(pending);
            }
        }
        deliveries.finish(tenant, settled);
        List<DeliveryOutcome> results = new ArrayList<>(settled);
        if (!toSend.isEmpty()) {
            deliveries.begin(tenant, toSend.stream().map(p -> outcome(p, "sending", null)).toList(),
                    clock.instant().plus(OutboxDispatcher.LEASE));
            List<DeliveryOutcome> sent = send(tenant, route, toSend);
            deliveries.finish(tenant, sent);
            results.addAll(sent);
        }
        Map<String, Long> ids = new HashMap<>();
        for (OutboxMessage message : batch) ids.put(message.idempotencyKey(), message.id());
        for (DeliveryOutcome result : results) {
            if (result.status().equals("deferred")) later.put(ids.get(result.key()), result.retryAt());
            if (result.status().equals("failed")) permanent.put(ids.get(result.key()), result.detail());
        }
        return new OutboxResult(Map.of(), permanent, later);
    }

    /** Hands each message to the server; one outcome per message, whatever happens to the connection. */
    private List<DeliveryOutcome> send(TenantId tenant, MailRoute route, List<Pending> toSend) {
        List<DeliveryOutcome> results = new ArrayList<>();
        MailSender.Connection connection = null;
        boolean reconnected = false;
        int index = 0;
        try {
            while (index < toSend.size()) {
                Pending pending = toSend.get(index);
                MimeMessage mime;
                try {
                    mime = composer.compose(tenant, route, pending.email(), pending.messageId());
                } catch (MessagingException e) {
                    results.add(failed(pending, "the message could not be built: " + SmtpReply.describe(e)));
                    index++;
                    continue;
                }
                try {
                    if (connection == null) connection = route.sender().connect();
                    connection.send(mime);
                    results.add(outcome(pending, "sent", null));
                    reconnected = false;
                    index++;
                } catch (MessagingException e) {
                    Optional<SmtpReply> reply = SmtpReply.of(e);
                    if (reply.isPresent()) {
                        results.add(refused(pending, reply.get()));
                        index++;
                        continue;
                    }
                    // No reply: the connection could not be opened or broke. One fresh connection, then the rest waits.
                    if (connection != null) connection.close();
                    boolean wasOpen = connection != null;
                    connection = null;
                    if (wasOpen && !reconnected) {
                        reconnected = true;
                        continue;
                    }
                    String error = "the mail server could not be reached: " + SmtpReply.describe(e);
                    log.warn("Mail for tenant {}: {}", tenant, error);
                    for (Pending rest : toSend.subList(index, toSend.size())) results.add(unreachable(rest, error));
                    break;
                }
            }
        } finally {
            if (connection != null) connection.close();
        }
        return results;
    }

    /** The recipient's server refused the message: for good (5xx), or for now until the retry period runs out. */
    private DeliveryOutcome refused(Pending pending, SmtpReply reply) {
        if (reply.permanent()) return failed(pending, "the server refused it: " + reply.text());
        Instant now = clock.instant();
        Delivery before = pending.before();
        Instant since = before != null && before.firstRefusedAt() != null ? before.firstRefusedAt() : now;
        if (retries.expired(since, now)) {
            return failed(pending, "refused for " + retries.periodText() + ", the last time with: " + reply.text());
        }
        return deferred(pending, "the server asked to try again later: " + reply.text(),
                now.plus(retries.delay(deferrals(pending))), since);
    }

    private DeliveryOutcome unreachable(Pending pending, String error) {
        return deferred(pending, error, clock.instant().plus(retries.delay(deferrals(pending))), null);
    }

    private static int deferrals(Pending pending) {
        return pending.before() == null ? 0 : pending.before().deferrals();
    }

    private static DeliveryOutcome deferred(Pending pending, String detail, Instant retryAt, Instant firstRefusedAt) {
        return new DeliveryOutcome(pending.key(), "email", pending.email().to(), pending.messageId(), "deferred",
                detail, null, retryAt, firstRefusedAt, null);
    }

    /** A final failure: recorded, and the user who sent it told in the app. */
    private static DeliveryOutcome failed(Pending pending, String detail) {
        OutboundEmail email = pending.email();
        DeliveryOutcome failed = outcome(pending, "failed", detail);
        if (email.senderUserId() == null) return failed;
        return failed.withNotice(new DeliveryOutcome.Notice(UUID.fromString(email.senderUserId()),
                "Mail to " + email.to() + " was not delivered", "\"" + email.subject() + "\": " + detail,
                email.contactId() == null ? null : "/contacts/" + email.contactId()));
    }

    private static DeliveryOutcome outcome(Pending pending, String status, String detail) {
        return new DeliveryOutcome(pending.key(), "email", pending.email().to(), pending.messageId(), status, detail,
                null);
    }
}
