package io.intelligencecrm.outreach.sms;

import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.interaction.InteractionService;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.tenant.TenantTransactions;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.outreach.delivery.Deliveries;
import io.intelligencecrm.outreach.suppression.SuppressionList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The two calls the SMS provider makes per tenant, each checked against the provider's request signature
 * (made with the tenant's auth token) before anything is read: a status callback for a text the product
 * sent (delivered, undelivered), and an inbound text. An inbound STOP puts the number on the suppression
 * list, START lifts that opt-out, HELP is answered with the tenant's help text; every reply from a known
 * contact goes on their timeline as an inbound text, which also ends a workflow's wait for a reply.
 */
public final class SmsWebhooks {
    /** Twilio's error for a recipient who has opted out at the carrier. */
    private static final String OPTED_OUT_ERROR = "21610";
    private static final int MAX_CONTENT = 5000;

    private final TenantTransactions transactions;
    private final SmsSettingsService settings;
    private final SuppressionList suppressions;
    private final Deliveries deliveries;
    private final InteractionService interactions;

    public SmsWebhooks(TenantTransactions transactions, SmsSettingsService settings, SuppressionList suppressions,
                       Deliveries deliveries, InteractionService interactions) {
        this.transactions = transactions;
        this.settings = settings;
        this.suppressions = suppressions;
        this.deliveries = deliveries;
        this.interactions = interactions;
    }

    /**
     * @param url        the URL the provider called, as it called it (the product's public URL and the path)
     * @param parameters the form fields posted
     * @param signature  the X-Twilio-Signature header
     */
    public SmsWebhookResponse status(TenantId tenant, String url, Map<String, String> parameters, String signature) {
        Optional<SmsWebhookResponse> refused = verify(tenant, url, parameters, signature);
        if (refused.isPresent()) return refused.get();
        String sid = parameters.get("MessageSid");
        String status = parameters.getOrDefault("MessageStatus", parameters.get("SmsStatus"));
        if (sid == null || status == null) return SmsWebhookResponse.refused(400, "MessageSid and MessageStatus are required");
        String error = parameters.get("ErrorCode");
        switch (status) {
            case "delivered" -> deliveries.markReported(tenant, sid, "delivered", null);
            case "undelivered", "failed" -> {
                deliveries.markReported(tenant, sid, "failed", "the carrier reported " + status
                        + (error == null ? "" : " (error " + error + ")"));
                if (OPTED_OUT_ERROR.equals(error) && parameters.get("To") != null) {
                    suppressions.suppress(tenant, OutboundSms.normalise(parameters.get("To")), "sms", "unsubscribed",
                            "the carrier reports the recipient opted out");
                }
            }
            default -> {
                // queued, sending, sent: the provider still has it; nothing to record yet.
            }
        }
        return new SmsWebhookResponse(204, "text/plain", "");
    }

    public SmsWebhookResponse inbound(TenantId tenant, String url, Map<String, String> parameters, String signature) {
        Optional<SmsWebhookResponse> refused = verify(tenant, url, parameters, signature);
        if (refused.isPresent()) return refused.get();
        String from = OutboundSms.normalise(parameters.get("From"));
        if (from == null || from.isEmpty()) return SmsWebhookResponse.refused(400, "From is required");
        String body = parameters.getOrDefault("Body", "");
        SmsKeyword keyword = SmsKeyword.of(body);
        switch (keyword) {
            case STOP -> suppressions.suppress(tenant, from, "sms", "unsubscribed", "replied " + body.strip());
            case START -> suppressions.optIn(tenant, from, "sms");
            default -> {
            }
        }
        logReply(tenant, from, body, keyword, parameters.get("MessageSid"));
        // The provider confirms STOP and START itself (and blocks texts to opted-out numbers); HELP gets ours.
        return SmsWebhookResponse.twiml(keyword == SmsKeyword.HELP ? settings.helpText(tenant) : null);
    }

    private Optional<SmsWebhookResponse> verify(TenantId tenant, String url, Map<String, String> parameters,
                                                String signature) {
        Optional<SmsAccount> account = settings.account(tenant);
        if (account.isEmpty()) return Optional.of(SmsWebhookResponse.refused(404, "SMS is not set up here"));
        if (!TwilioSignature.valid(account.get().authToken(), url, parameters, signature)) {
            return Optional.of(SmsWebhookResponse.refused(403, "the request signature does not match"));
        }
        return Optional.empty();
    }

    /** On the timeline of the contact with this number (the most recently changed, if several); once per message. */
    private void logReply(TenantId tenant, String from, String body, SmsKeyword keyword, String messageSid) {
        transactions.useTenant(tenant, handle -> {
            if (messageSid != null && handle.createQuery("""
                            select count(*) from interactions where type = 'sms' and metadata ->> 'messageSid' = :sid""")
                    .bind("sid", messageSid).mapTo(Integer.class).one() > 0) {
                return;
            }
            Optional<UUID> contact = handle.createQuery("""
                            select id from contacts
                             where deleted_at is null and phone is not null
                               and ltrim(regexp_replace(phone, '[^0-9+]', '', 'g'), '+') = ltrim(:phone, '+')
                             order by updated_at desc limit 1""")
                    .bind("phone", from).mapTo(UUID.class).findOne();
            if (contact.isEmpty()) return;
            // Nobody signed in sent this: the provider's webhook acts as the system, audited as such.
            Actor system = new Actor(tenant, null, Role.ADMIN, Actor.Kind.SYSTEM, null);
            var logged = interactions.log(system, Map.of("contactId", contact.get().toString(), "type", "sms",
                    "direction", "inbound", "content", body.isBlank() ? "(an empty text)"
                            : body.length() > MAX_CONTENT ? body.substring(0, MAX_CONTENT) : body));
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("from", from);
            if (messageSid != null) facts.put("messageSid", messageSid);
            if (keyword != SmsKeyword.NONE) facts.put("keyword", keyword.name());
            interactions.addMetadata(system, logged.id(), facts);
        });
    }
}
