package io.intelligencecrm.outreach.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;

/** SMTP through angus-mail, reusing one authenticated connection for a whole batch. */
public final class SmtpMailSender implements MailSender {
    private static final String TIMEOUT_MILLIS = "30000";

    private final SmtpServer server;
    private final Session session;

    public SmtpMailSender(SmtpServer server) {
        this.server = server;
        this.session = Session.getInstance(properties(server));
    }

    private static Properties properties(SmtpServer server) {
        Properties properties = new Properties();
        String protocol = protocol(server);
        properties.put("mail." + protocol + ".host", server.host());
        properties.put("mail." + protocol + ".port", String.valueOf(server.port()));
        properties.put("mail." + protocol + ".auth", String.valueOf(server.username() != null));
        properties.put("mail." + protocol + ".connectiontimeout", "10000");
        properties.put("mail." + protocol + ".timeout", TIMEOUT_MILLIS);
        properties.put("mail." + protocol + ".writetimeout", TIMEOUT_MILLIS);
        if (server.security().equals("starttls")) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        }
        return properties;
    }

    private static String protocol(SmtpServer server) {
        return server.security().equals("tls") ? "smtps" : "smtp";
    }

    @Override
    public Connection connect() throws MessagingException {
        Transport transport = session.getTransport(protocol(server));
        transport.connect(server.host(), server.port(), server.username(), server.password());
        return new Connection() {
            @Override
            public void send(MimeMessage message) throws MessagingException {
                message.saveChanges();
                transport.sendMessage(message, message.getAllRecipients());
            }

            @Override
            public void close() {
                try {
                    transport.close();
                } catch (MessagingException ignored) {
                    // The mail was handed over already; a failed QUIT changes nothing.
                }
            }
        };
    }

    /** For composing messages that this sender will carry. */
    public Session session() {
        return session;
    }
}
