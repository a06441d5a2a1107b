package io.intelligencecrm.webhooks.network;

import java.io.IOException;

/** A webhook URL whose host is, or resolves to, an address the policy refuses, or does not resolve at all. */
public final class RefusedAddressException extends IOException {
    private final boolean unresolved;

    private RefusedAddressException(String message, boolean unresolved) {
        super(message);
        this.unresolved = unresolved;
    }

    static RefusedAddressException internal(String host, String address) {
        return new RefusedAddressException(host + " resolves to " + address
                + ", an internal address; webhooks go to public addresses only", false);
    }

    static RefusedAddressException unresolved(String host) {
        return new RefusedAddressException(host + " does not resolve", true);
    }

    public boolean unresolved() {
        return unresolved;
    }
}
