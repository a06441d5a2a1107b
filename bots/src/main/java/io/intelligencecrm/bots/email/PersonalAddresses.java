package io.intelligencecrm.bots.email;

import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.tenant.TenantTransactions;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Each user's secret bot address, bot+token@domain. Mail from the user's address to it carries
 * the token only someone who reads the user's mail (or this API) can know, so it is accepted as a
 * command even where the receiving server does not authenticate senders.
 */
public final class PersonalAddresses {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();
    private static final int TOKEN_CHARS = 20;

    private final TenantTransactions transactions;
    private final EmailBotSettingsService settings;

    public PersonalAddresses(TenantTransactions transactions, EmailBotSettingsService settings) {
        this.transactions = transactions;
        this.settings = settings;
    }

    /** The user's own bot address, made on first use. */
    public Map<String, String> mine(Actor actor) {
        String bot = botAddress(actor);
        String token = transactions.inTenant(actor.tenant(), handle -> handle.createQuery(
                        "select token from email_bot_user_tokens where user_id = :user")
                .bind("user", actor.userId()).mapTo(String.class).findOne()
                .orElseGet(() -> store(handle, actor.userId())));
        return Map.of("address", BotAddress.withTag(bot, token));
    }

    /** A new token: the old address stops working as a command address at once. */
    public Map<String, String> renew(Actor actor) {
        String bot = botAddress(actor);
        String token = transactions.inTenant(actor.tenant(), handle -> {
            handle.createUpdate("delete from email_bot_user_tokens where user_id = :user")
                    .bind("user", actor.userId()).execute();
            return store(handle, actor.userId());
        });
        return Map.of("address", BotAddress.withTag(bot, token));
    }

    Optional<UUID> userOfToken(TenantId tenant, String token) {
        if (token == null || token.isBlank()) return Optional.empty();
        return transactions.inTenant(tenant, handle -> handle.createQuery(
                        "select user_id from email_bot_user_tokens where token = :token")
                .bind("token", token).mapTo(UUID.class).findOne());
    }

    private String botAddress(Actor actor) {
        if (actor.userId() == null) throw CrmException.forbidden("A personal bot address needs a user; this credential has none");
        return settings.config(actor.tenant()).map(EmailBotConfig::address)
                .orElseThrow(() -> CrmException.notFound("Email bot"));
    }

    private static String store(org.jdbi.v3.core.Handle handle, UUID userId) {
        StringBuilder token = new StringBuilder();
        for (int i = 0; i < TOKEN_CHARS; i++) token.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        handle.createUpdate("""
                        insert into email_bot_user_tokens (tenant_id, user_id, token)
                        values (crm_current_tenant(), :user, :token)""")
                .bind("user", userId).bind("token", token.toString()).execute();
        return token.toString();
    }
}
