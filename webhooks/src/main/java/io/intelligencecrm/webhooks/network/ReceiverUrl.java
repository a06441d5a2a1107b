package io.intelligencecrm.webhooks.network;

import io.intelligencecrm.core.error.CrmException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Checks a receiver URL when it is saved: absolute http(s), no credentials in it, a host the policy permits. */
public final class ReceiverUrl {
    private ReceiverUrl() {
    }

    public static String checked(String url, AddressPolicy policy) {
        if (url == null || url.isBlank()) throw CrmException.invalid("url", "is required");
        String trimmed = url.strip();
        if (trimmed.length() > 2000) throw CrmException.invalid("url", "at most 2000 characters");
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw CrmException.invalid("url", "is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw CrmException.invalid("url", "must start with https:// (or http://)");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) throw CrmException.invalid("url", "has no host");
        if (uri.getRawUserInfo() != null) throw CrmException.invalid("url", "must not contain a user name or password");
        if (uri.getRawFragment() != null) throw CrmException.invalid("url", "must not contain a #fragment");
        try {
            policy.resolve(uri.getHost());
        } catch (RefusedAddressException e) {
            // A name that does not resolve now may later; every send checks again, so only internal ones are refused.
            if (!e.unresolved()) throw CrmException.invalid("url", e.getMessage());
        }
        return trimmed;
    }
}
