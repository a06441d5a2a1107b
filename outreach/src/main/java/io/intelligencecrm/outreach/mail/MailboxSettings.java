package io.intelligencecrm.outreach.mail;

import java.time.Instant;

/** A mailbox as shown to admins: the password never leaves the database, only whether one is stored. */
public record MailboxSettings(String host, Integer port, String security, String username, boolean passwordSet,
                              String folder, Instant updatedAt) {

    public static final MailboxSettings NONE = new MailboxSettings(null, null, "tls", null, false, "INBOX", null);

    /** The later of the two, as a form's last change when its mailbox is stored apart. */
    public Instant laterThan(Instant other) {
        return updatedAt == null || other != null && other.isAfter(updatedAt) ? other : updatedAt;
    }
}
