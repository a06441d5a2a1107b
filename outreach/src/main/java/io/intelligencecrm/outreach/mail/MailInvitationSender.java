package io.intelligencecrm.outreach.mail;

import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.user.InvitationSender;
import io.intelligencecrm.core.user.User;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mails invitation links the way the tenant's other mail leaves (its SMTP server, or the server's default).
 * Sent at once rather than through the outbox: the admin is waiting, and when it fails the link is shown to
 * them instead. Without any SMTP server the mail is only captured, which counts as not mailed.
 */
public final class MailInvitationSender implements InvitationSender {
    private static final Logger log = LoggerFactory.getLogger(MailInvitationSender.class);

    private final MailSettingsService settings;

    public MailInvitationSender(MailSettingsService settings) {
        this.settings = settings;
    }

    @Override
    public boolean send(TenantId tenant, User invitee, String tenantName, String link) {
        MailRoute route = settings.route(tenant);
        try {
            MimeMessage message = new MimeMessage(route.session());
            message.setFrom(new InternetAddress(route.fromAddress(), route.fromName() == null ? tenantName
                    : route.fromName(), "UTF-8"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(invitee.email()));
            message.setSubject("You are invited to " + tenantName + " on Intelligence CRM", "UTF-8");
            message.setText("""
                    Hello%s,

                    you have been invited to %s on Intelligence CRM as %s.
                    Set your password here (the link works once):

                    %s

                    If you did not expect this, ignore this mail.
                    """.formatted(invitee.fullName().isBlank() ? "" : " " + invitee.fullName(), tenantName,
                    invitee.role().stored(), link), "UTF-8");
            try (MailSender.Connection connection = route.sender().connect()) {
                connection.send(message);
            }
            return !route.captured();
        } catch (MessagingException | UnsupportedEncodingException | RuntimeException e) {
            log.warn("Invitation mail to a user of tenant {} could not be sent: {}", tenant, e.getMessage());
            return false;
        }
    }
}
