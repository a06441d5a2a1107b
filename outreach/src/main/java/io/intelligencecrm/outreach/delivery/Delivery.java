package io.intelligencecrm.outreach.delivery;

import java.time.Instant;

/**
 * What is known about one send (an outbox idempotency key).
 *
 * @param firstRefusedAt when the recipient's server first refused it for now (the retry period runs from
 *                       there); null when it never did
 * @param deferrals      how often it was put off (refusals and unreachable servers), for the next delay
 */
public record Delivery(String idempotencyKey, String channel, String recipient, String messageId, String status,
                       int attempts, Instant firstRefusedAt, int deferrals) {

    /** Nothing more may happen for it: it went out, or it was stopped for good. */
    public boolean settled() {
        return !status.equals("sending") && !status.equals("deferred");
    }
}
