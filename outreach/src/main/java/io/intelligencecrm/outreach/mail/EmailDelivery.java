package io.intelligencecrm.outreach.mail;

import io.intelligencecrm.core.outbox.OutboxHandler;
import io.intelligencecrm.core.outbox.OutboxMessage;
import io.intelligencecrm.core.outbox.OutboxResult;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.outreach.delivery.Deliveries;
import io.intelligencecrm.outreach.delivery.Delivery;
import io.intelligencecrm.outreach.delivery.DeliveryOutcome;
import io.intelligencecrm.outreach.suppression.SuppressionList;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers queued email ({@code email.send}) for one tenant's batch: skips what was already sent
 * (a redelivery after a crash), stops what is suppressed, defers what is over the daily cap to the
 * next day, and sends the rest over one connection. Temporary server failures are retried with the
 * outbox's backoff; permanent ones (5xx, malformed addresses) stop with the error recorded.
 *
 * <p>The one window that cannot be closed with SMTP: a crash after the server accepted a message
 * and before {@code sent} was committed resends it on recovery, with the same Message-ID.
 */
public final class EmailDelivery implements OutboxHandler {
    private static final Logger log = LoggerFactory.getLogger(EmailDelivery.class);

    private final MailSettingsService routes;
    private final MailComposer composer;
    private final SuppressionList suppressions;
    private final Deliveries deliveries;

    public EmailDelivery(MailSettingsService routes, MailComposer composer, SuppressionList suppressions,
                         Deliveries deliveries) {
        this.routes = routes;
        this.composer = composer;
        this.suppressions = suppressions;
        this.deliveries = deliveries;
    }

    @Override
    public String kind() {
        return OutboundEmail.KIND;
    }

    @Override
    public int batchSize() {
        return 100;
    }

    private record Pending(OutboxMessage message, OutboundEmail email, String messageId) {
    }

    @Override
    public OutboxResult handle(List<OutboxMessage> batch) throws MessagingException {
        TenantId tenant = batch.getFirst().tenant();
        MailRoute route = routes.route(tenant);
        Map<String, Delivery> known = deliveries.find(tenant, batch.stream().map(OutboxMessage::idempotencyKey).toList());
        Set<String> suppressed = suppressions.suppressed(tenant, batch.stream()
                .map(m -> OutboundEmail.fromPayload(m.payload()).to()).filter(to -> to != null).toList());
        int allowance = route.dailyCap() - deliveries.sentToday(tenant, "email");

        Map<Long, String> retry = new HashMap<>();
        Map<Long, String> permanent = new HashMap<>();
        Map<Long, Instant> deferred = new HashMap<>();
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
            if (suppressed.contains(SuppressionList.normalise(email.to()))) {
                settled.add(outcome(key, email, messageId, "suppressed", "unsubscribed, bounced or blocked"));
            } else if (allowance <= 0) {
                deferred.put(message.id(), deliveries.nextDay());
                settled.add(outcome(key, email, messageId, "deferred", "the daily sending limit was reached"));
            } else {
                allowance--;
                toSend.add(new Pending(message, email, messageId));
            }
        }
        deliveries.finish(tenant, settled);
        if (toSend.isEmpty()) return new OutboxResult(retry, permanent, deferred);

        deliveries.begin(tenant, toSend.stream().map(p -> outcome(p.message().idempotencyKey(), p.email(),
                p.messageId(), "sending", null)).toList());
        List<DeliveryOutcome> results = new ArrayList<>();
        try (MailSender.Connection connection = route.sender().connect()) {
            for (int i = 0; i < toSend.size(); i++) {
                Pending pending = toSend.get(i);
                String key = pending.message().idempotencyKey();
                try {
                    MimeMessage mime = composer.compose(tenant, route, pending.email(), pending.messageId());
                    connection.send(mime);
                    results.add(outcome(key, pending.email(), pending.messageId(), "sent", null));
                } catch (MessagingException e) {
                    String error = describe(e);
                    if (isPermanent(e)) {
                        permanent.put(pending.message().id(), error);
                        results.add(outcome(key, pending.email(), pending.messageId(), "failed", error));
                    } else {
                        // The connection is likely broken: this and every later message wait for a retry.
                        for (Pending rest : toSend.subList(i, toSend.size())) {
                            retry.put(rest.message().id(), error);
                            results.add(outcome(rest.message().idempotencyKey(), rest.email(), rest.messageId(),
                                    "deferred", error));
                        }
                        break;
                    }
                }
            }
        } catch (MessagingException e) {
            String error = "could not connect to the mail server: " + describe(e);
            log.warn("Mail for tenant {}: {}", tenant, error);
            for (Pending pending : toSend) {
                retry.put(pending.message().id(), error);
                results.add(outcome(pending.message().idempotencyKey(), pending.email(), pending.messageId(),
                        "deferred", error));
            }
        }
        deliveries.finish(tenant, results);
        return new OutboxResult(retry, permanent, deferred);
    }

    private static DeliveryOutcome outcome(String key, OutboundEmail email, String messageId, String status,
                                           String detail) {
        return new DeliveryOutcome(key, "email", email.to(), messageId, status, detail, null);
    }

    /** 5xx replies and malformed addresses will not get better by trying again. */
    static boolean isPermanent(MessagingException e) {
        if (e instanceof AddressException) return true;
        for (Exception cause = e; cause != null; cause = cause instanceof MessagingException m ? m.getNextException() : null) {
            if (cause instanceof SMTPAddressFailedException failed) return failed.getReturnCode() >= 500;
            if (cause instanceof SMTPSendFailedException failed) return failed.getReturnCode() >= 500;
        }
        return e instanceof SendFailedException failed && failed.getValidSentAddresses() == null
                && failed.getInvalidAddresses() != null && failed.getInvalidAddresses().length > 0;
    }

    private static String describe(MessagingException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        return message.length() > 500 ? message.substring(0, 500) : message;
    }
}
