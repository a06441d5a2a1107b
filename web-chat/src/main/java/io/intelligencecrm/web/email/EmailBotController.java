package io.intelligencecrm.web.email;

import io.intelligencecrm.bots.email.EmailBotServices;
import io.intelligencecrm.core.json.Json;
import io.intelligencecrm.web.api.ApiRoutes;
import io.intelligencecrm.web.auth.CurrentActor;
import io.intelligencecrm.web.http.Requests;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** The email bot: its settings (admins), each user's personal bot address, and the inbound-mail webhook. */
public final class EmailBotController {
    private static final String SECRET_HEADER = "X-CRM-Inbound-Secret";

    private final EmailBotServices bot;

    public EmailBotController(EmailBotServices bot) {
        this.bot = bot;
    }

    public void routes(ApiRoutes api) {
        api.get("/api/email-bot", this::settings).doc("email-bot", "The tenant's email bot (admins)")
                .returns("EmailBotSettings");
        api.put("/api/email-bot", this::update).doc("email-bot", "Set up or change the email bot (admins)")
                .description("Fields left out keep their value; address is required the first time. The IMAP "
                        + "password is stored sealed (AES-GCM) and never returned; an empty one removes it. Without "
                        + "an IMAP host mail only arrives through POST /api/inbound/email.")
                .body("EmailBotSettingsInput").returns("EmailBotSettings");
        api.delete("/api/email-bot", this::delete).doc("email-bot", "Remove the email bot (admins)").returns(204, null);
        api.post("/api/email-bot/webhook-secret", this::rotateSecret)
                .doc("email-bot", "A new shared secret for the inbound-mail webhook (admins)")
                .description("Shown only in this answer; the previous secret stops working at once.")
                .returns("EmailBotWebhookSecret");
        api.get("/api/email-bot/my-address", this::myAddress)
                .doc("email-bot", "Whether you have a personal bot address (bot+token@domain)")
                .description("The address itself is shown only once, when it is made: only a hash of its token is "
                        + "stored. Mail from your own address to it is accepted as a command even when the receiving "
                        + "server does not vouch for the sender.")
                .returns("EmailBotAddressStatus");
        api.post("/api/email-bot/my-address", this::renewAddress)
                .doc("email-bot", "Make your personal bot address, shown in this answer only")
                .description("Keep it private, like a password. Making a new one stops the old one taking commands.")
                .returns("EmailBotAddress");
        api.post("/api/inbound/email", this::inbound).open()
                .doc("email-bot", "Mail posted by a provider's inbound-parse webhook")
                .description("Authenticated by the tenant's shared secret (header X-CRM-Inbound-Secret, "
                        + "Authorization: Bearer, or the password of HTTP Basic), not a CRM credential; the tenant "
                        + "is the one whose bot address is among the recipients. 202 when accepted (handled in the "
                        + "background), 200 when this Message-ID was received before, 401 for a wrong secret.")
                .body("InboundEmail").returns(202, "InboundEmailReceipt");
    }

    void settings(Context ctx) {
        ctx.json(bot.settings().get(CurrentActor.of(ctx)));
    }

    void update(Context ctx) {
        ctx.json(bot.settings().update(CurrentActor.of(ctx), Requests.jsonObject(ctx)));
    }

    void delete(Context ctx) {
        bot.settings().delete(CurrentActor.of(ctx));
        ctx.status(204);
    }

    void rotateSecret(Context ctx) {
        ctx.json(Map.of("secret", bot.settings().rotateWebhookSecret(CurrentActor.of(ctx))));
    }

    void myAddress(Context ctx) {
        ctx.json(bot.addresses().mine(CurrentActor.of(ctx)));
    }

    void renewAddress(Context ctx) {
        ctx.json(bot.addresses().renew(CurrentActor.of(ctx)));
    }

    void inbound(Context ctx) {
        boolean accepted = bot.webhook().receive(Json.mapper().valueToTree(Requests.jsonObjectAsSent(ctx)), secret(ctx));
        ctx.status(accepted ? 202 : 200).json(Map.of("status", accepted ? "accepted" : "duplicate"));
    }

    /** Providers can send a header of their choice, a bearer token, or basic auth in the URL. */
    private static String secret(Context ctx) {
        if (ctx.header(SECRET_HEADER) != null) return ctx.header(SECRET_HEADER);
        String authorization = ctx.header("Authorization");
        if (authorization == null) return null;
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) return authorization.substring(7).strip();
        if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String pair = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                        StandardCharsets.UTF_8);
                return pair.substring(pair.indexOf(':') + 1);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }
}
