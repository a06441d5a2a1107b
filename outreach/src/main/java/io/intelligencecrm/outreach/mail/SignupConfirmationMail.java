package io.intelligencecrm.outreach.mail;

import io.intelligencecrm.core.config.OutreachSettings;
import io.intelligencecrm.core.tenant.SignupService;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mails a sign-up's confirmation link through the server's own SMTP server (CRM_SMTP_HOST): there is no
 * tenant yet whose mail settings could be used. Sign-up cannot be switched on without one.
 */
public final class SignupConfirmationMail implements SignupService.ConfirmationMail {
    private static final Logger log = LoggerFactory.getLogger(SignupConfirmationMail.class);

    private final OutreachSettings settings;

    public SignupConfirmationMail(OutreachSettings settings) {
        this.settings = settings;
    }

    @Override
    public boolean send(String email, String companyName, String link) {
        if (settings.smtpHost().isEmpty()) return false;
        SmtpMailSender sender = new SmtpMailSender(new SmtpServer(settings.smtpHost().get(), settings.smtpPort(),
                settings.smtpSecurity(), settings.smtpUsername().orElse(null), settings.smtpPassword().orElse(null)));
        try {
            MimeMessage message = new MimeMessage(sender.session());
            message.setFrom(new InternetAddress(settings.fromAddress()));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(email));
            message.setSubject("Confirm your sign-up for " + companyName, "UTF-8");
            message.setText("""
                    Hello,

                    someone, hopefully you, signed %s up for Intelligence CRM with this address.
                    Confirm it here to create the workspace and set your password (the link works once, for 24 hours):

                    %s

                    If it was not you, ignore this mail: nothing is created without the confirmation.
                    """.formatted(companyName, link), "UTF-8");
            try (MailSender.Connection connection = sender.connect()) {
                connection.send(message);
            }
            return true;
        } catch (MessagingException | RuntimeException e) {
            log.warn("A sign-up confirmation could not be sent: {}", e.getMessage());
            return false;
        }
    }
}
