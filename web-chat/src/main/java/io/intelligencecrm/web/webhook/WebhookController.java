package io.intelligencecrm.web.webhook;

import io.intelligencecrm.core.error.Violations;
import io.intelligencecrm.web.api.ApiRoutes;
import io.intelligencecrm.web.auth.CurrentActor;
import io.intelligencecrm.web.http.QueryParams;
import io.intelligencecrm.web.http.Requests;
import io.intelligencecrm.webhooks.WebhookServices;
import io.intelligencecrm.webhooks.event.EventCatalogue;
import io.intelligencecrm.webhooks.subscription.SubscriptionInput;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Outbound webhooks for admins: subscriptions, their signing secrets, the delivery log and redelivery. */
public final class WebhookController {
    private final WebhookServices webhooks;

    public WebhookController(WebhookServices webhooks) {
        this.webhooks = webhooks;
    }

    public void routes(ApiRoutes api) {
        api.get("/api/webhooks/events", this::events).doc("webhooks", "The events a subscription can ask for")
                .returns("WebhookEventType[]");
        api.get("/api/webhooks", this::list).doc("webhooks", "Webhook subscriptions, without secrets (admins)")
                .returns("WebhookSubscription[]");
        api.post("/api/webhooks", this::create).doc("webhooks", "Subscribe a URL to events (admins)")
                .description("Returns the signing secret (whsec_...) once. URLs to loopback, private, link-local and "
                        + "other internal addresses are refused unless the operator allows them.")
                .body("WebhookSubscriptionInput").returns(201, "CreatedWebhookSubscription");
        api.get("/api/webhooks/{id}", this::get).doc("webhooks", "A webhook subscription (admins)")
                .returns("WebhookSubscription");
        api.patch("/api/webhooks/{id}", this::update).doc("webhooks", "Change a subscription, or enable it again (admins)")
                .body("WebhookSubscriptionChanges").returns("WebhookSubscription");
        api.delete("/api/webhooks/{id}", this::delete).doc("webhooks", "Delete a subscription and its log (admins)")
                .returns(204, null);
        api.post("/api/webhooks/{id}/rotate-secret", this::rotate)
                .doc("webhooks", "Replace the signing secret; the new one is shown once (admins)").returns("WebhookSecret");
        api.get("/api/webhooks/{id}/deliveries", this::deliveries).doc("webhooks", "The delivery log, newest first (admins)")
                .query("status", "string", "pending, delivered, failed or cancelled")
                .query("before", "date-time", "createdAt of the previous page's last delivery")
                .query("limit", "integer", "at most 200 (default 50)").returns("WebhookDelivery[]");
        api.get("/api/webhooks/{id}/deliveries/{deliveryId}", this::delivery)
                .doc("webhooks", "A delivery with its body and every attempt (admins)").returns("WebhookDeliveryDetails");
        api.post("/api/webhooks/{id}/deliveries/{deliveryId}/redeliver", this::redeliver)
                .doc("webhooks", "Send a delivery again, with the same webhook-id (admins)").returns("WebhookDelivery");
    }

    void events(Context ctx) {
        ctx.json(EventCatalogue.TYPES);
    }

    void list(Context ctx) {
        ctx.json(webhooks.subscriptions().list(CurrentActor.of(ctx)));
    }

    void create(Context ctx) {
        ctx.status(201).json(webhooks.subscriptions().create(CurrentActor.of(ctx), input(Requests.jsonObject(ctx))));
    }

    void get(Context ctx) {
        ctx.json(webhooks.subscriptions().get(CurrentActor.of(ctx), subscriptionId(ctx)));
    }

    void update(Context ctx) {
        ctx.json(webhooks.subscriptions().update(CurrentActor.of(ctx), subscriptionId(ctx), input(Requests.jsonObject(ctx))));
    }

    void delete(Context ctx) {
        webhooks.subscriptions().delete(CurrentActor.of(ctx), subscriptionId(ctx));
        ctx.status(204);
    }

    void rotate(Context ctx) {
        ctx.json(Map.of("secret", webhooks.subscriptions().rotateSecret(CurrentActor.of(ctx), subscriptionId(ctx))));
    }

    void deliveries(Context ctx) {
        QueryParams params = new QueryParams(ctx);
        String status = params.text("status");
        Instant before = params.instant("before");
        Integer limit = params.integer("limit");
        params.validate();
        ctx.json(webhooks.deliveries().list(CurrentActor.of(ctx), subscriptionId(ctx), status, before,
                limit == null ? 50 : limit));
    }

    void delivery(Context ctx) {
        ctx.json(webhooks.deliveries().get(CurrentActor.of(ctx), subscriptionId(ctx),
                Requests.id(ctx, "deliveryId", "Webhook delivery")));
    }

    void redeliver(Context ctx) {
        ctx.json(webhooks.deliveries().redeliver(CurrentActor.of(ctx), subscriptionId(ctx),
                Requests.id(ctx, "deliveryId", "Webhook delivery")));
    }

    private static UUID subscriptionId(Context ctx) {
        return Requests.id(ctx, "id", "Webhook subscription");
    }

    private static SubscriptionInput input(Map<String, Object> body) {
        Violations violations = new Violations();
        Object url = body.get("url");
        Object description = body.get("description");
        Object events = body.get("events");
        Object threshold = body.get("scoreThreshold");
        Object active = body.get("active");
        violations.check(url == null || url instanceof String, "url", "must be a string");
        violations.check(description == null || description instanceof String, "description", "must be a string");
        violations.check(events == null || (events instanceof List<?> list && list.stream().allMatch(String.class::isInstance)),
                "events", "must be a list of event names");
        violations.check(threshold == null || threshold instanceof Number, "scoreThreshold", "must be a number");
        violations.check(active == null || active instanceof Boolean, "active", "must be true or false");
        violations.throwIfAny();
        @SuppressWarnings("unchecked") List<String> names = (List<String>) events;
        return new SubscriptionInput((String) url, (String) description, names,
                threshold == null ? null : new BigDecimal(threshold.toString()), (Boolean) active);
    }
}
