package io.intelligencecrm.bots.email;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Turns a mail read over IMAP into an {@link InboundEmail}. */
final class MimeInbound {
    private static final Set<String> BULK = Set.of("bulk", "junk", "list", "auto_reply");

    private MimeInbound() {
    }

    static InboundEmail read(MimeMessage message) throws MessagingException, IOException {
        Address[] senders = message.getFrom();
        InternetAddress from = senders != null && senders.length > 0 && senders[0] instanceof InternetAddress a ? a : null;
        List<String> to = new ArrayList<>();
        Address[] recipients = message.getAllRecipients();
        if (recipients != null) {
            for (Address recipient : recipients) {
                if (recipient instanceof InternetAddress address) to.add(address.getAddress());
            }
        }
        for (String header : List.of("Delivered-To", "X-Original-To")) to.addAll(headers(message, header));
        Bodies bodies = new Bodies();
        bodies.collect(message);
        String subject = message.getSubject();
        String inReplyTo = first(message, "In-Reply-To");
        List<String> references = ids(String.join(" ", headers(message, "References")));
        String text = bodies.text.toString();
        String messageId = message.getMessageID() != null ? message.getMessageID().strip()
                : syntheticId(from == null ? "" : from.getAddress(), subject, text);
        return new InboundEmail(from == null ? null : from.getAddress(), from == null ? null : from.getPersonal(), to,
                subject, text, bodies.html.toString(), messageId, inReplyTo == null ? null : ids(inReplyTo).stream()
                .findFirst().orElse(null), references, headers(message, "Authentication-Results"),
                automatic(message, from));
    }

    /** A stable id for mail that has none, so two deliveries of it are still recognised. */
    static String syntheticId(String from, String subject, String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((from + "\n" + subject + "\n" + text)
                    .getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(digest, 0, 16) + "@no-message-id.invalid>";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Message-IDs in a header value, in order, each with its angle brackets. */
    static List<String> ids(String value) {
        List<String> ids = new ArrayList<>();
        var matcher = java.util.regex.Pattern.compile("<[^<>\\s]+>").matcher(value == null ? "" : value);
        while (matcher.find()) ids.add(matcher.group());
        return ids;
    }

    /** RFC 3834 auto-replies, mailing lists and delivery reports are never answered or treated as replies. */
    private static boolean automatic(MimeMessage message, InternetAddress from) throws MessagingException {
        String auto = first(message, "Auto-Submitted");
        if (auto != null && !auto.strip().equalsIgnoreCase("no")) return true;
        String precedence = first(message, "Precedence");
        if (precedence != null && BULK.contains(precedence.strip().toLowerCase(Locale.ROOT))) return true;
        if (first(message, "X-Autoreply") != null || first(message, "List-Id") != null) return true;
        if (message.isMimeType("multipart/report")) return true;
        String sender = from == null ? "" : from.getAddress().toLowerCase(Locale.ROOT);
        return sender.startsWith("mailer-daemon@") || sender.startsWith("postmaster@");
    }

    private static String first(MimeMessage message, String header) throws MessagingException {
        return message.getHeader(header, null);
    }

    private static List<String> headers(MimeMessage message, String header) throws MessagingException {
        String[] values = message.getHeader(header);
        return values == null ? List.of() : Arrays.asList(values);
    }

    /** The first text/plain and text/html parts, attachments skipped. */
    private static final class Bodies {
        private final StringBuilder text = new StringBuilder();
        private final StringBuilder html = new StringBuilder();

        void collect(Part part) throws MessagingException, IOException {
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) return;
            if (part.isMimeType("text/plain") && text.isEmpty()) {
                text.append(part.getContent());
            } else if (part.isMimeType("text/html") && html.isEmpty()) {
                html.append(part.getContent());
            } else if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    collect(child);
                }
            }
        }
    }
}
