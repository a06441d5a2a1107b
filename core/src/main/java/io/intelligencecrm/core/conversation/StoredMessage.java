package io.intelligencecrm.core.conversation;

import java.time.Instant;

/**
 * One stored message of a conversation's history.
 *
 * @param role    system, user, ai, tool (model memory) or event (what the chat showed: tools, proposals, tables)
 * @param content the message as JSON text
 * @param evicted true once it slid out of the model's memory window (kept for the history)
 */
public record StoredMessage(long id, String role, String content, boolean evicted, Instant createdAt) {
}
