package io.intelligencecrm.core.identity;

import io.intelligencecrm.core.tenant.Tenant;
import java.util.Locale;
import java.util.Optional;

/**
 * Who a sign-in attempt is for, normalised once: the same values find the account and key the
 * attempt limit, so no spelling of an account (padding, case, its tenant's slug or domain) gets a
 * limit of its own.
 *
 * @param tenant    the tenant the key names (by slug or domain), if any
 * @param tenantKey the key as normalised, for the limit when it names no tenant
 * @param email     as normalised
 */
public record LoginAttempt(Optional<Tenant> tenant, String tenantKey, String email) {

    /** The attempt limit's key: the tenant's id when it exists, so its slug and domain share one limit. */
    public String limitKey() {
        return tenant.map(found -> found.id().toString()).orElse(tenantKey) + ":" + email;
    }

    /** Lower case, without surrounding whitespace of any kind (tabs, no-break spaces) or control and format characters. */
    public static String normalise(String text) {
        if (text == null) return "";
        int start = 0;
        int end = text.length();
        while (start < end && ignorable(text.charAt(start))) start++;
        while (end > start && ignorable(text.charAt(end - 1))) end--;
        return text.substring(start, end).toLowerCase(Locale.ROOT);
    }

    private static boolean ignorable(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT;
    }
}
