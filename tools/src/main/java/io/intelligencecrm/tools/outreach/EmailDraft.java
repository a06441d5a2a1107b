package io.intelligencecrm.tools.outreach;

import java.util.UUID;

/** A suggested email: plain text, never sent by drafting. {@code to} is null when the contact has no email. */
public record EmailDraft(UUID contactId, String contactName, String to, String subject, String body, String note) {
}
