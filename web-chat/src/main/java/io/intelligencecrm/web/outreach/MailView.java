package io.intelligencecrm.web.outreach;

import io.intelligencecrm.outreach.mail.CapturedMail;
import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

/**
 * A captured mail made readable: its decoded headers and its text. The page shows both as text
 * only; an HTML-only body is shown as its source, never rendered, so a mail can run nothing here.
 *
 * @param html true when the mail had no plain-text part and {@code body} is HTML source
 */
public record MailView(CapturedMail mail, List<HeaderLine> headers, String body, boolean html) {

    public record HeaderLine(String name, String value) {
    }

    private static final Session SESSION = Session.getInstance(new Properties());

    public static MailView of(CapturedMail mail) {
        try {
            MimeMessage message = new MimeMessage(SESSION,
                    new ByteArrayInputStream(mail.raw().getBytes(StandardCharsets.UTF_8)));
            List<HeaderLine> headers = new ArrayList<>();
            for (Header header : Collections.list(message.getAllHeaders())) {
                headers.add(new HeaderLine(header.getName(), decode(header.getValue())));
            }
            String text = firstPart(message, "text/plain");
            if (text != null) return new MailView(mail, headers, text, false);
            String html = firstPart(message, "text/html");
            return new MailView(mail, headers, html == null ? "" : html, html != null);
        } catch (MessagingException | IOException | RuntimeException e) {
            // Unparseable mail is still worth seeing: the raw source, as text.
            return new MailView(mail, List.of(), mail.raw(), false);
        }
    }

    private static String firstPart(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) return String.valueOf(part.getContent());
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String found = firstPart(child, type);
                if (found != null) return found;
            }
        }
        return null;
    }

    private static String decode(String value) {
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(value));
        } catch (UnsupportedEncodingException e) {
            return value;
        }
    }

    /** The header a reader looks for first: where the one-click unsubscribe goes. */
    public String listUnsubscribe() {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase("List-Unsubscribe")).map(HeaderLine::value)
                .findFirst().orElse(null);
    }
}
