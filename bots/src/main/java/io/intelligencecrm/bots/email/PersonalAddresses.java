package io.intelligencecrm.bots.email;

import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.identity.SecretHash;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.tenant.TenantTransactions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Each user's secret bot address, bot+token@domain. Mail from the user's address to it carries
 * the token only someone who reads the user's mail (or this API) can know, so it is accepted as a
 * command even where the receiving server does not authenticate senders. Like a password, only a
 * hash of the token is stored: the address is shown once, when it is made, and never again.
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

    /** Whether the user has a personal address and since when; the address itself was shown only when made. */
    public Map<String, Object> mine(Actor actor) {
        String bot = botAddress(actor);
        Optional<Instant> created = transactions.inTenant(actor.tenant(), handle -> handle.createQuery("""
                        select created_at from email_bot_user_tokens
                         where tenant_id = crm_current_tenant() and user_id = :user""")
                .bind("user", actor.userId()).mapTo(Instant.class).findOne());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("botAddress", bot);
        answer.put("exists", created.isPresent());
        answer.put("createdAt", created.orElse(null));
        return answer;
    }

    /** A new personal address, shown in this answer only: the old one stops working as a command address at once. */
    public Map<String, Object> renew(Actor actor) {
        String bot = botAddress(actor);
        String token = transactions.inTenant(actor.tenant(), handle -> {
            handle.createUpdate("""
                            delete from email_bot_user_tokens where tenant_id = crm_current_tenant() and user_id = :user""")
                    .bind("user", actor.userId()).execute();
            return store(handle, actor.userId());
        });
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("botAddress", bot);
        answer.put("address", BotAddress.withTag(bot, token));
        return answer;
    }

    Optional<UUID> userOfToken(TenantId tenant, String token) {
        if (token == null || token.isBlank()) return Optional.empty();
        return transactions.inTenant(tenant, handle -> handle.createQuery("""
                        select user_id from email_bot_user_tokens
                         where tenant_id = crm_current_tenant() and token_hash = :hash""")
                .bind("hash", SecretHash.of(token.strip().toLowerCase(Locale.ROOT))).mapTo(UUID.class).findOne());
    }

    private String botAddress(Actor actor) {
        if (actor.userId() == null) throw CrmException.forbidden("A personal bot address needs a user; this credential has none");
        return settings.config(actor.tenant()).map(EmailBotConfig::address)
                .orElseThrow(() -> CrmException.notFound("Email bot"));
    }

    private static String store(Handle handle, UUID userId) {
        StringBuilder token = new StringBuilder();
        for (int i = 0; i < TOKEN_CHARS; i++) token.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        handle.createUpdate("""
                        insert into email_bot_user_tokens (tenant_id, user_id, token_hash)
                        values (crm_current_tenant(), :user, :hash)""")
                .bind("user", userId).bind("hash", SecretHash.of(token.toString())).execute();
        return token.toString();
    }
}
