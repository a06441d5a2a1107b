package io.intelligencecrm.bots.email;

import java.util.Locale;

/** Plus-addressing (RFC 5233 subaddresses): bot+tag@domain reaches bot@domain's mailbox. */
final class BotAddress {
    private BotAddress() {
    }

    /** The address without its +tag, lower case. */
    static String base(String address) {
        String lower = address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
        int at = lower.lastIndexOf('@');
        int plus = lower.indexOf('+');
        return plus < 0 || at < 0 || plus > at ? lower : lower.substring(0, plus) + lower.substring(at);
    }

    /** The +tag, or null. */
    static String tag(String address) {
        String lower = address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
        int at = lower.lastIndexOf('@');
        int plus = lower.indexOf('+');
        return plus < 0 || at < 0 || plus > at ? null : lower.substring(plus + 1, at);
    }

    static String withTag(String address, String tag) {
        int at = address.lastIndexOf('@');
        return address.substring(0, at) + "+" + tag + address.substring(at);
    }
}
