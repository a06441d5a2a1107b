package io.intelligencecrm.outreach.delivery;

/** What is known about one send (an outbox idempotency key). */
public record Delivery(String idempotencyKey, String channel, String recipient, String messageId, String status,
                       int attempts) {

    /** Nothing more may happen for it: it went out, or it was stopped for good. */
    public boolean settled() {
        return !status.equals("sending");
    }
}
