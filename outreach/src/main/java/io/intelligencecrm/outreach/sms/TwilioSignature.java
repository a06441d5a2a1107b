package io.intelligencecrm.outreach.sms;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's request signature ({@code X-Twilio-Signature}): HMAC-SHA1 with the account's auth token over the
 * URL Twilio called followed by each POST parameter, sorted by name, as name and value with no separators;
 * base64-encoded.
 */
public final class TwilioSignature {
    public static final String HEADER = "X-Twilio-Signature";

    private TwilioSignature() {
    }

    public static String sign(String authToken, String url, Map<String, String> parameters) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(parameters).forEach((name, value) -> data.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }

    /** Compared in constant time; a missing signature is never valid. */
    public static boolean valid(String authToken, String url, Map<String, String> parameters, String signature) {
        if (signature == null || signature.isBlank()) return false;
        return MessageDigest.isEqual(sign(authToken, url, parameters).getBytes(StandardCharsets.US_ASCII),
                signature.strip().getBytes(StandardCharsets.US_ASCII));
    }
}
