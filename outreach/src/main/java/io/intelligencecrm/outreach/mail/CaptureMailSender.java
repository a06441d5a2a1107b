package io.intelligencecrm.outreach.mail;

import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.tenant.TenantTransactions;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The development mail server: keeps each message, complete with its headers, in the tenant's
 * capture table instead of sending it, so the demo shows real mail without a mail server.
 */
public final class CaptureMailSender implements MailSender {
    private final TenantTransactions transactions;
    private final TenantId tenant;

    public CaptureMailSender(TenantTransactions transactions, TenantId tenant) {
        this.transactions = transactions;
        this.tenant = tenant;
    }

    @Override
    public Connection connect() {
        return new Connection() {
            @Override
            public void send(MimeMessage message) throws MessagingException {
                message.saveChanges();
                ByteArrayOutputStream raw = new ByteArrayOutputStream();
                try {
                    message.writeTo(raw);
                } catch (IOException e) {
                    throw new MessagingException("could not render the message", e);
                }
                Address[] recipients = message.getAllRecipients();
                String to = recipients == null ? "" : Arrays.stream(recipients).map(Address::toString)
                        .collect(Collectors.joining(", "));
                String from = message.getFrom() == null ? "" : message.getFrom()[0].toString();
                String subject = message.getSubject() == null ? "" : message.getSubject();
                String messageId = message.getMessageID();
                transactions.useTenant(tenant, handle -> handle.createUpdate("""
                                insert into captured_mails (tenant_id, message_id, sender, recipients, subject, raw)
                                values (crm_current_tenant(), :messageId, :sender, :recipients, :subject, :raw)""")
                        .bind("messageId", messageId).bind("sender", from).bind("recipients", to)
                        .bind("subject", subject).bind("raw", raw.toString(StandardCharsets.UTF_8)).execute());
            }

            @Override
            public void close() {
            }
        };
    }
}
