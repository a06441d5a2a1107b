package io.intelligencecrm.web.outreach;

import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.outreach.sms.SmsSettingsService;
import io.intelligencecrm.outreach.sms.SmsWebhookResponse;
import io.intelligencecrm.outreach.sms.SmsWebhooks;
import io.intelligencecrm.outreach.sms.TwilioSignature;
import io.intelligencecrm.tools.outreach.SmsProposals;
import io.intelligencecrm.web.api.ApiRoutes;
import io.intelligencecrm.web.auth.CurrentActor;
import io.intelligencecrm.web.http.Requests;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * SMS: the tenant's settings, proposing a text to a contact (approved like an email), and the two URLs the
 * provider calls. Those sit outside /api because the provider proves itself with its request signature,
 * made over the URL it called: the product's public URL and the path.
 */
public final class SmsController {
    private final SmsSettingsService settings;
    private final SmsProposals proposals;
    private final SmsWebhooks webhooks;
    private final String publicUrl;

    public SmsController(SmsSettingsService settings, SmsProposals proposals, SmsWebhooks webhooks, String publicUrl) {
        this.settings = settings;
        this.proposals = proposals;
        this.webhooks = webhooks;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    public void routes(ApiRoutes api) {
        api.get("/api/outreach/sms", this::settings).doc("outreach", "The tenant's SMS settings (admins)")
                .returns("SmsSettings");
        api.put("/api/outreach/sms", this::updateSettings).doc("outreach", "Change the tenant's SMS settings (admins)")
                .description("The tenant's own Twilio account (account SID, auth token, sending number), quiet hours "
                        + "and the reply to HELP. Fields left out keep their value; the auth token is stored sealed "
                        + "and never returned. Without an account of its own the product's (CRM_SMS_TWILIO_*) is used. "
                        + "Point the number's incoming-message webhook at webhookUrl + /inbound.")
                .body("SmsSettingsInput").returns("SmsSettings");
        api.post("/api/contacts/{id}/sms", this::propose).doc("outreach", "Propose a text message to a contact")
                .description("Nothing is sent until the proposal is approved (POST /api/proposals/{id}/approve). A "
                        + "contact without a usable phone number, or whose number is on the suppression list, is "
                        + "refused with a field error.")
                .body("SmsInput").returns(202, "Proposal");
    }

    /** The provider's calls: status callbacks and inbound texts, per tenant. */
    public void webhooks(RoutesConfig routes) {
        routes.post("/webhooks/sms/{tenant}/status", ctx -> answer(ctx, true));
        routes.post("/webhooks/sms/{tenant}/inbound", ctx -> answer(ctx, false));
    }

    void settings(Context ctx) {
        ctx.json(settings.get(CurrentActor.of(ctx)));
    }

    void updateSettings(Context ctx) {
        ctx.json(settings.update(CurrentActor.of(ctx), Requests.jsonObject(ctx)));
    }

    void propose(Context ctx) {
        UUID contactId = Requests.id(ctx, "id", "Contact");
        Map<String, Object> body = Requests.jsonObject(ctx);
        Object text = body.get("body");
        ctx.status(202).json(proposals.propose(CurrentActor.of(ctx), null, contactId,
                text instanceof String s ? s : null));
    }

    private void answer(Context ctx, boolean status) {
        UUID tenant;
        try {
            tenant = UUID.fromString(ctx.pathParam("tenant"));
        } catch (IllegalArgumentException e) {
            ctx.status(404).result("unknown");
            return;
        }
        Map<String, String> form = new LinkedHashMap<>();
        ctx.formParamMap().forEach((name, values) -> form.put(name, values.isEmpty() ? "" : values.getFirst()));
        String url = publicUrl + ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
        String signature = ctx.header(TwilioSignature.HEADER);
        SmsWebhookResponse response = status
                ? webhooks.status(new TenantId(tenant), url, form, signature)
                : webhooks.inbound(new TenantId(tenant), url, form, signature);
        ctx.status(response.status()).contentType(response.contentType()).result(response.body());
    }
}
