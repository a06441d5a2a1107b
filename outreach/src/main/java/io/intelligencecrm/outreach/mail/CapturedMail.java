package io.intelligencecrm.outreach.mail;

import java.time.Instant;

/** A mail kept by the development capture, with its raw MIME source (every header included). */
public record CapturedMail(long id, String messageId, String sender, String recipients, String subject, String raw,
                           Instant capturedAt) {
}
