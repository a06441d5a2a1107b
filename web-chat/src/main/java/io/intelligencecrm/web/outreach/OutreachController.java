package io.intelligencecrm.web.outreach;

import io.intelligencecrm.outreach.OutreachServices;
import io.intelligencecrm.web.api.ApiRoutes;
import io.intelligencecrm.web.auth.CurrentActor;
import io.intelligencecrm.web.http.QueryParams;
import io.intelligencecrm.web.http.Requests;
import io.javalin.http.Context;

/** Mail settings, the suppression list and the development mail capture. */
public final class OutreachController {
    private final OutreachServices outreach;

    public OutreachController(OutreachServices outreach) {
        this.outreach = outreach;
    }

    public void routes(ApiRoutes api) {
        api.get("/api/outreach/settings", this::settings).doc("outreach", "The tenant's mail settings (admins)")
                .returns("MailSettings");
        api.put("/api/outreach/settings", this::updateSettings).doc("outreach", "Change the tenant's mail settings")
                .description("Fields left out keep their value. Passwords are stored sealed (AES-GCM) and never "
                        + "returned; an empty password removes it. Without an SMTP host the product's default is used "
                        + "(CRM_SMTP_HOST, or the development capture).")
                .body("MailSettingsInput").returns("MailSettings");
        api.post("/api/outreach/dkim", this::createDkimKey).doc("outreach", "Make a DKIM key for the sending domain (admins)")
                .description("The product makes an RSA 2048 key, stores its private half sealed and answers with the "
                        + "TXT record to publish (dkimDnsName, dkimDnsRecord). Mail is signed (rsa-sha256, relaxed/relaxed) "
                        + "from then on. A new key replaces the old one.")
                .body("DkimKeyInput").returns("MailSettings");
        api.delete("/api/outreach/dkim", this::removeDkimKey).doc("outreach", "Stop signing mail and delete the DKIM key")
                .returns("MailSettings");
        api.get("/api/outreach/suppressions", this::suppressions).doc("outreach", "Addresses nothing is sent to")
                .query("limit", "integer", "at most this many (default 100)").returns("Suppression[]");
        api.post("/api/outreach/suppressions", this::suppress).doc("outreach", "Block an address (managers)")
                .body("SuppressionInput").returns(201, "Suppression");
        api.delete("/api/outreach/suppressions/{address}", this::unsuppress)
                .doc("outreach", "Allow an address again (admins)").returns(204, null);
        api.get("/api/outreach/captured", this::captured).doc("outreach", "Mail kept by the development capture")
                .description("When no SMTP server is configured, outgoing mail is captured here, complete with "
                        + "headers, instead of leaving the machine.")
                .query("limit", "integer", "at most this many (default 50)")
                .query("to", "string", "only mail whose recipients contain this text")
                .returns("CapturedMail[]");
    }

    void settings(Context ctx) {
        ctx.json(outreach.mailSettings().get(CurrentActor.of(ctx)));
    }

    void updateSettings(Context ctx) {
        ctx.json(outreach.mailSettings().update(CurrentActor.of(ctx), Requests.jsonObject(ctx)));
    }

    void createDkimKey(Context ctx) {
        ctx.json(outreach.mailSettings().createDkimKey(CurrentActor.of(ctx), Requests.jsonObject(ctx)));
    }

    void removeDkimKey(Context ctx) {
        ctx.json(outreach.mailSettings().removeDkimKey(CurrentActor.of(ctx)));
    }

    void suppressions(Context ctx) {
        QueryParams params = new QueryParams(ctx);
        Integer limit = params.integer("limit");
        params.validate();
        ctx.json(outreach.suppressions().list(CurrentActor.of(ctx), limit == null ? 100 : limit));
    }

    void suppress(Context ctx) {
        ctx.status(201).json(outreach.suppressions().add(CurrentActor.of(ctx), Requests.jsonObject(ctx)));
    }

    void unsuppress(Context ctx) {
        outreach.suppressions().remove(CurrentActor.of(ctx), ctx.pathParam("address"));
        ctx.status(204);
    }

    void captured(Context ctx) {
        QueryParams params = new QueryParams(ctx);
        Integer limit = params.integer("limit");
        String to = params.text("to");
        params.validate();
        ctx.json(outreach.capturedMails().recent(CurrentActor.of(ctx), limit == null ? 50 : limit, to));
    }
}
