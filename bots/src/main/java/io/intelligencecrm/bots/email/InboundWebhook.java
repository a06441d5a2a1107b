package io.intelligencecrm.bots.email;

import com.fasterxml.jackson.databind.JsonNode;
import io.intelligencecrm.bots.BackgroundTurns;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Mail posted by a provider's inbound-parse webhook. The tenant is the one whose bot address the
 * mail was sent to; the request must carry that tenant's shared secret (compared in constant time),
 * or it is refused before anything is stored. Accepted mail is claimed at once (a provider's retry
 * of the same Message-ID then does nothing) and handled in the background.
 */
public final class InboundWebhook {
    private final EmailBotSettingsService settings;
    private final EmailBot bot;
    private final BackgroundTurns background;

    InboundWebhook(EmailBotSettingsService settings, EmailBot bot, BackgroundTurns background) {
        this.settings = settings;
        this.bot = bot;
        this.background = background;
    }

    /** @return false when the mail was a repeat of one already received */
    public boolean receive(JsonNode body, String secret) {
        InboundEmail email = WebhookMail.parse(body);
        Optional<EmailBotConfig> config = email.to().stream().map(settings::tenantOfAddress).flatMap(Optional::stream)
                .findFirst().flatMap(settings::config);
        if (config.isEmpty() || !matches(config.get().webhookSecret(), secret)) {
            throw new CrmException(ErrorCode.UNAUTHENTICATED, "Unknown bot address or wrong webhook secret");
        }
        if (!bot.claim(config.get(), email)) return false;
        background.run("Inbound mail " + email.messageId(), () -> bot.handle(config.get(), email));
        return true;
    }

    private static boolean matches(String expected, String given) {
        if (expected == null || given == null) return false;
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.strip().getBytes(StandardCharsets.UTF_8));
    }
}
