package io.intelligencecrm.bots.slack;

import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.tenant.TenantTransactions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * One-time codes that let a person link their own Slack account: the bot shows the code only to that
 * Slack user, and entering it while signed in to the CRM proves both sides belong to the same person.
 * Codes are short-lived and single-use; only their hash is stored.
 */
public final class SlackLinkCodes {
    static final Duration LIFETIME = Duration.ofMinutes(15);
    /** No 0/O or 1/I, so a code read off the screen is typed right. */
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TenantTransactions transactions;
    private final Clock clock;

    public SlackLinkCodes(TenantTransactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A fresh code such as {@code K7QM-9XBT} for this Slack user. */
    public String issue(TenantId tenant, String slackUserId) {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == 4) code.append('-');
            code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        transactions.useTenant(tenant, handle -> {
            handle.createUpdate("delete from slack_link_codes where expires_at < :now")
                    .bind("now", clock.instant()).execute();
            handle.createUpdate("""
                            insert into slack_link_codes (tenant_id, code_hash, slack_user_id, expires_at)
                            values (crm_current_tenant(), :hash, :slack, :expires)""")
                    .bind("hash", hash(code.toString())).bind("slack", slackUserId)
                    .bind("expires", clock.instant().plus(LIFETIME)).execute();
        });
        return code.toString();
    }

    /** The Slack user the code was shown to, once: the code is spent whether or not it was still valid. */
    public Optional<String> redeem(TenantId tenant, String code) {
        if (code == null) return Optional.empty();
        String normalised = code.strip().toUpperCase(Locale.ROOT).replace(" ", "");
        if (normalised.length() == 8) normalised = normalised.substring(0, 4) + "-" + normalised.substring(4);
        record Spent(String slackUserId, boolean valid) {
        }
        String hash = hash(normalised);
        return transactions.inTenant(tenant, handle -> handle.createQuery("""
                        delete from slack_link_codes where code_hash = :hash
                        returning slack_user_id, expires_at > :now as valid""")
                .bind("hash", hash).bind("now", clock.instant())
                .map((rs, ctx) -> new Spent(rs.getString("slack_user_id"), rs.getBoolean("valid")))
                .findOne().filter(Spent::valid).map(Spent::slackUserId));
    }

    private static String hash(String code) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
