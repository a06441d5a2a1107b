package io.intelligencecrm.outreach.bounce;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads bounce reports: {@code multipart/report; report-type=delivery-status} (RFC 3464) with one
 * {@code message/delivery-status} part holding per-recipient fields, and feedback reports
 * ({@code report-type=feedback-report}, RFC 5965) for complaints. Anything else is not a bounce.
 */
public final class DsnParser {
    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(<[^>]+>)");

    private DsnParser() {
    }

    public static List<Bounce> parse(MimeMessage message) throws MessagingException, IOException {
        ContentType type = new ContentType(message.getContentType());
        if (!type.match("multipart/report")) return List.of();
        String reportType = String.valueOf(type.getParameter("report-type")).toLowerCase(Locale.ROOT);
        Multipart parts = (Multipart) message.getContent();
        String status = null;
        String original = null;
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.isMimeType("message/delivery-status") || part.isMimeType("message/feedback-report")) {
                status = text(part);
            } else if (part.isMimeType("text/rfc822-headers") || part.isMimeType("message/rfc822")) {
                original = text(part);
            }
        }
        if (status == null) return List.of();
        String originalId = null;
        if (original != null) {
            Matcher id = MESSAGE_ID.matcher(original);
            if (id.find()) originalId = id.group(1);
        }
        if (reportType.equals("feedback-report")) {
            String recipient = field(status, "Original-Rcpt-To");
            if (recipient == null && original != null) recipient = field(original, "To");
            return recipient == null ? List.of()
                    : List.of(new Bounce(address(recipient), "complaint", null, field(status, "Feedback-Type"), originalId));
        }
        List<Bounce> bounces = new ArrayList<>();
        // Per-recipient groups are separated by blank lines; the first group is about the message.
        for (String group : status.replace("\r\n", "\n").split("\n\\s*\n")) {
            String recipient = field(group, "Final-Recipient");
            if (recipient == null) recipient = field(group, "Original-Recipient");
            if (recipient == null) continue;
            String action = String.valueOf(field(group, "Action")).toLowerCase(Locale.ROOT);
            String code = field(group, "Status");
            boolean hard = action.equals("failed") && code != null && code.startsWith("5");
            if (!action.equals("failed") && !action.equals("delayed")) continue;
            bounces.add(new Bounce(address(recipient), hard ? "hard" : "soft", code, field(group, "Diagnostic-Code"),
                    originalId));
        }
        return bounces;
    }

    /** "rfc822; someone@example.com" or "<someone@example.com>" to the bare, lower-case address. */
    private static String address(String value) {
        String bare = value.contains(";") ? value.substring(value.indexOf(';') + 1) : value;
        return bare.replace("<", "").replace(">", "").strip().toLowerCase(Locale.ROOT);
    }

    private static String field(String block, String name) {
        Matcher matcher = Pattern.compile("(?im)^" + Pattern.quote(name) + ":\\s*(.+)$").matcher(block);
        return matcher.find() ? matcher.group(1).strip() : null;
    }

    private static String text(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
