package io.intelligencecrm.bots.email;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether the receiving mail server vouched for the sender (RFC 8601 Authentication-Results). Only
 * headers whose authserv-id is the configured one count (the receiving server must remove forged
 * ones carrying its id, as RFC 8601 section 5 requires). The From domain passes with
 * {@code dmarc=pass} for it, or with {@code spf=pass} and {@code dkim=pass}, both aligned with it
 * (the same domain, or a subdomain of it: stricter than DMARC's relaxed alignment, which would need
 * the public suffix list).
 */
final class AuthenticationResults {
    private static final Pattern RESULT = Pattern.compile(
            "(?i)\\b(dmarc|spf|dkim)\\s*=\\s*([a-z]+)([^;]*)");
    private static final Pattern PROPERTY = Pattern.compile("(?i)\\b(header\\.from|header\\.d|header\\.i|smtp\\.mailfrom)"
            + "\\s*=\\s*\"?([^\\s;\"]+)");

    private AuthenticationResults() {
    }

    static boolean vouchFor(List<String> headers, String trustedAuthservId, String fromDomain) {
        if (trustedAuthservId == null || trustedAuthservId.isBlank() || fromDomain.isBlank()) return false;
        for (String header : headers) {
            String unfolded = header.replaceAll("\\s+", " ").replaceAll("\\([^)]*\\)", "").strip();
            int semicolon = unfolded.indexOf(';');
            String authserv = (semicolon < 0 ? unfolded : unfolded.substring(0, semicolon)).strip().split(" ")[0];
            if (!authserv.equalsIgnoreCase(trustedAuthservId.strip())) continue;
            if (passes(unfolded.substring(semicolon < 0 ? unfolded.length() : semicolon), fromDomain)) return true;
        }
        return false;
    }

    private static boolean passes(String results, String fromDomain) {
        boolean spf = false;
        boolean dkim = false;
        Matcher result = RESULT.matcher(results);
        while (result.find()) {
            if (!result.group(2).equalsIgnoreCase("pass")) continue;
            String method = result.group(1).toLowerCase(Locale.ROOT);
            String domain = property(result.group(3), method);
            // dmarc names the From domain it evaluated; a result for another domain says nothing about this one.
            if (method.equals("dmarc") && (domain == null || aligned(domain, fromDomain))) return true;
            if (method.equals("spf") && domain != null && aligned(domain, fromDomain)) spf = true;
            if (method.equals("dkim") && domain != null && aligned(domain, fromDomain)) dkim = true;
        }
        return spf && dkim;
    }

    private static String property(String properties, String method) {
        Matcher property = PROPERTY.matcher(properties);
        while (property.find()) {
            String name = property.group(1).toLowerCase(Locale.ROOT);
            String value = property.group(2).toLowerCase(Locale.ROOT);
            String domain = value.substring(value.indexOf('@') + 1);
            boolean wanted = switch (method) {
                case "dmarc" -> name.equals("header.from");
                case "spf" -> name.equals("smtp.mailfrom");
                default -> name.equals("header.d") || name.equals("header.i");
            };
            if (wanted) return domain;
        }
        return null;
    }

    private static boolean aligned(String domain, String fromDomain) {
        String from = fromDomain.toLowerCase(Locale.ROOT);
        // Only the domain itself or its subdomains: a parent domain may be a public suffix (co.uk).
        return domain.equals(from) || domain.endsWith("." + from);
    }
}
