package io.intelligencecrm.outreach.bounce;

import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.outreach.delivery.Deliveries;
import io.intelligencecrm.outreach.mail.ImapInbox;
import io.intelligencecrm.outreach.mail.MailSettingsService;
import io.intelligencecrm.outreach.mail.MailboxAccount;
import io.intelligencecrm.outreach.suppression.SuppressionList;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a tenant's bounce mailbox over IMAP: every unread report is parsed, hard bounces and
 * complaints go on the suppression list and mark the delivery bounced, and the report is marked
 * read so it is handled once. Mail that is no report is left unread for a person.
 */
public final class BounceMailbox {
    private static final Logger log = LoggerFactory.getLogger(BounceMailbox.class);

    private final MailSettingsService settings;
    private final SuppressionList suppressions;
    private final Deliveries deliveries;
    private final ImapInbox inbox = new ImapInbox();

    public BounceMailbox(MailSettingsService settings, SuppressionList suppressions, Deliveries deliveries) {
        this.settings = settings;
        this.suppressions = suppressions;
        this.deliveries = deliveries;
    }

    /**
     * @return addresses newly suppressed; zero when the tenant has no bounce mailbox. How the read went is
     *         recorded, so an unreachable mailbox shows in the mail settings.
     */
    public int poll(TenantId tenant) throws MessagingException {
        Optional<MailboxAccount> account = settings.bounceMailbox(tenant);
        if (account.isEmpty()) return 0;
        int[] suppressed = {0};
        try {
            inbox.readUnseen(account.get(), message -> {
                int count = handle(tenant, message);
                suppressed[0] += Math.max(count, 0);
                return count >= 0;
            });
        } catch (MessagingException e) {
            settings.recordBounceMailboxCheck(tenant, e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage());
            throw e;
        }
        settings.recordBounceMailboxCheck(tenant, null);
        return suppressed[0];
    }

    /** @return addresses newly suppressed, or -1 when the message is no report (left unread for a person) */
    private int handle(TenantId tenant, MimeMessage message) throws MessagingException {
        List<Bounce> bounces;
        try {
            bounces = DsnParser.parse(message);
        } catch (IOException | MessagingException | ClassCastException e) {
            log.warn("Unreadable message in the bounce mailbox of tenant {}: {}", tenant, e.getMessage());
            return 0;
        }
        if (bounces.isEmpty()) return -1;
        int suppressed = 0;
        for (Bounce bounce : bounces) {
            if (!bounce.suppresses()) continue;
            String reason = bounce.kind().equals("complaint") ? "complaint" : "hard_bounce";
            String detail = (bounce.status() == null ? "" : bounce.status() + " ")
                    + (bounce.diagnostic() == null ? "" : bounce.diagnostic());
            if (suppressions.suppress(tenant, bounce.recipient(), "email", reason, detail.strip())) suppressed++;
            deliveries.markBounced(tenant, bounce.originalMessageId(), bounce.recipient(),
                    reason.replace('_', ' ') + ": " + detail.strip());
        }
        return suppressed;
    }
}
