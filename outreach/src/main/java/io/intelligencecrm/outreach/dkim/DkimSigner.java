package io.intelligencecrm.outreach.dkim;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Signs a finished message with DKIM (RFC 6376): rsa-sha256, relaxed/relaxed canonicalization, over the
 * headers receivers and one-click unsubscribe (RFC 8058) rely on. The message is rendered once, the
 * signature computed over exactly those bytes, and the result is a message that is sent byte for byte
 * as signed (jakarta-mail may not re-encode or re-stamp it).
 */
public final class DkimSigner {
    /** Signed when present, in this order; From is signed once more so a second From cannot be added. */
    static final List<String> SIGNED = List.of("from", "to", "cc", "subject", "date", "message-id", "reply-to",
            "in-reply-to", "references", "list-unsubscribe", "list-unsubscribe-post", "auto-submitted",
            "mime-version", "content-type", "content-transfer-encoding");

    private DkimSigner() {
    }

    public static MimeMessage sign(MimeMessage message, Session session, DkimKey key, Instant now)
            throws MessagingException {
        message.saveChanges();
        byte[] raw;
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            raw = out.toByteArray();
        } catch (IOException e) {
            throw new MessagingException("could not render the message for signing", e);
        }
        // 7bit text parts are written with the line ends they were given; SMTP sends CRLF, so sign CRLF.
        String text = new String(raw, StandardCharsets.ISO_8859_1).replaceAll("\r?\n|\r", "\r\n");
        raw = text.getBytes(StandardCharsets.ISO_8859_1);
        int split = text.indexOf("\r\n\r\n");
        String headerBlock = split < 0 ? text : text.substring(0, split + 2);
        String body = split < 0 ? "" : text.substring(split + 4);
        List<String[]> headers = headers(headerBlock);

        List<String> names = new ArrayList<>();
        StringBuilder signedHeaders = new StringBuilder();
        for (String name : SIGNED) {
            String value = last(headers, name);
            if (value == null) continue;
            names.add(name);
            signedHeaders.append(relaxedHeader(name, value)).append("\r\n");
        }
        names.add("from");
        String tags = "v=1; a=rsa-sha256; c=relaxed/relaxed; d=" + key.domain() + "; s=" + key.selector()
                + "; t=" + now.getEpochSecond() + "; h=" + String.join(":", names)
                + "; bh=" + base64(sha256(relaxedBody(body))) + "; b=";
        signedHeaders.append(relaxedHeader("dkim-signature", tags));
        String signature;
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key.privateKey());
            rsa.update(signedHeaders.toString().getBytes(StandardCharsets.ISO_8859_1));
            signature = base64(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new MessagingException("could not sign the message", e);
        }
        byte[] header = ("DKIM-Signature: " + tags + signature + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] signed = new byte[header.length + raw.length];
        System.arraycopy(header, 0, signed, 0, header.length);
        System.arraycopy(raw, 0, signed, header.length, raw.length);
        return new SignedMessage(session, signed);
    }

    /** Header fields as [lower-case name, raw value with its folding], in order. */
    static List<String[]> headers(String block) {
        List<String[]> fields = new ArrayList<>();
        for (String line : block.split("\r\n")) {
            if (line.isEmpty()) continue;
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && !fields.isEmpty()) {
                String[] field = fields.getLast();
                field[1] = field[1] + "\r\n" + line;
            } else {
                int colon = line.indexOf(':');
                if (colon > 0) fields.add(new String[] {line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1)});
            }
        }
        return fields;
    }

    private static String last(List<String[]> headers, String name) {
        String value = null;
        for (String[] field : headers) if (field[0].equals(name)) value = field[1];
        return value;
    }

    /** RFC 6376 3.4.2: lower-case name, unfolded value, runs of blanks as one space, none at the ends. */
    static String relaxedHeader(String name, String value) {
        String unfolded = value.replace("\r\n", "").replaceAll("[ \t]+", " ").strip();
        return name.toLowerCase(Locale.ROOT) + ":" + unfolded;
    }

    /** RFC 6376 3.4.4: runs of blanks as one space, none at line ends, no empty lines at the end. */
    static String relaxedBody(String body) {
        String[] lines = body.split("\r\n", -1);
        StringBuilder out = new StringBuilder();
        int end = lines.length;
        while (end > 0 && lines[end - 1].replaceAll("[ \t]+$", "").isEmpty()) end--;
        for (int i = 0; i < end; i++) out.append(lines[i].replaceAll("[ \t]+", " ").replaceAll(" $", "")).append("\r\n");
        return out.toString();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.ISO_8859_1));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** A rendered, signed message: saving it changes nothing, so it is sent exactly as signed. */
    private static final class SignedMessage extends MimeMessage {
        SignedMessage(Session session, byte[] raw) throws MessagingException {
            super(session, new ByteArrayInputStream(raw));
        }

        @Override
        protected void updateHeaders() {
            // Headers and body were fixed when the message was signed.
        }
    }
}
