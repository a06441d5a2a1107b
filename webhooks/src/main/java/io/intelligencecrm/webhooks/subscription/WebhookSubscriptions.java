package io.intelligencecrm.webhooks.subscription;

import io.intelligencecrm.core.audit.AuditTrail;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.error.Violations;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.identity.Permissions;
import io.intelligencecrm.core.secret.SecretBox;
import io.intelligencecrm.core.tenant.TenantTransactions;
import io.intelligencecrm.webhooks.event.EventCatalogue;
import io.intelligencecrm.webhooks.network.AddressPolicy;
import io.intelligencecrm.webhooks.network.ReceiverUrl;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Admins subscribe receiver URLs to events. The signing secret is generated here, stored sealed, and
 * shown once (on creation and rotation); URLs to internal addresses are refused unless the operator
 * allows them. Every change is audited.
 */
public final class WebhookSubscriptions {
    private static final BigDecimal DEFAULT_THRESHOLD = BigDecimal.valueOf(70);
    private static final int MAX_DESCRIPTION = 500;

    private final TenantTransactions transactions;
    private final AuditTrail audit;
    private final SecretBox box;
    private final AddressPolicy policy;

    public WebhookSubscriptions(TenantTransactions transactions, AuditTrail audit, SecretBox box, AddressPolicy policy) {
        this.transactions = transactions;
        this.audit = audit;
        this.box = box;
        this.policy = policy;
    }

    /** A new subscription with its secret, which is never shown again. */
    public record Created(WebhookSubscription subscription, String secret) {
    }

    public Created create(Actor actor, SubscriptionInput input) {
        requireAdmin(actor);
        Violations violations = new Violations();
        List<String> events = events(input.events(), violations);
        BigDecimal threshold = threshold(input.scoreThreshold(), violations);
        String description = description(input.description(), violations);
        violations.throwIfAny();
        String url = ReceiverUrl.checked(input.url(), policy);
        String secret = SigningSecret.generate();
        return transactions.inTenant(actor.tenant(), handle -> {
            WebhookSubscription created = handle.attach(SubscriptionDao.class).insert(url, description,
                    events.toArray(String[]::new), threshold == null ? DEFAULT_THRESHOLD : threshold, box.seal(secret),
                    actor.userId());
            audit.record(actor, "webhook.create", "webhook_subscription", created.id(),
                    Map.of("url", url, "events", events));
            return new Created(created, secret);
        });
    }

    public List<WebhookSubscription> list(Actor actor) {
        requireAdmin(actor);
        return transactions.inTenant(actor.tenant(), handle -> handle.attach(SubscriptionDao.class).list());
    }

    public WebhookSubscription get(Actor actor, UUID id) {
        requireAdmin(actor);
        return transactions.inTenant(actor.tenant(), handle -> handle.attach(SubscriptionDao.class).find(id))
                .orElseThrow(() -> CrmException.notFound("Webhook subscription"));
    }

    /** Changes the given fields; {@code active: true} also clears the failing flag. */
    public WebhookSubscription update(Actor actor, UUID id, SubscriptionInput changes) {
        WebhookSubscription current = get(actor, id);
        Violations violations = new Violations();
        List<String> events = changes.events() == null ? current.events() : events(changes.events(), violations);
        BigDecimal threshold = changes.scoreThreshold() == null ? current.scoreThreshold()
                : threshold(changes.scoreThreshold(), violations);
        String description = changes.description() == null ? current.description()
                : description(changes.description(), violations);
        violations.throwIfAny();
        String url = changes.url() == null ? current.url() : ReceiverUrl.checked(changes.url(), policy);
        boolean active = changes.active() == null ? current.active() : changes.active();
        return transactions.inTenant(actor.tenant(), handle -> {
            WebhookSubscription updated = handle.attach(SubscriptionDao.class).update(id, url, description,
                    events.toArray(String[]::new), threshold, active)
                    .orElseThrow(() -> CrmException.notFound("Webhook subscription"));
            audit.record(actor, "webhook.update", "webhook_subscription", id,
                    Map.of("url", url, "events", events, "active", active));
            return updated;
        });
    }

    /** A new secret replaces the old one at once; the receiver must switch to it. */
    public String rotateSecret(Actor actor, UUID id) {
        requireAdmin(actor);
        String secret = SigningSecret.generate();
        transactions.useTenant(actor.tenant(), handle -> {
            if (handle.attach(SubscriptionDao.class).replaceSecret(id, box.seal(secret)) == 0) {
                throw CrmException.notFound("Webhook subscription");
            }
            audit.record(actor, "webhook.rotate_secret", "webhook_subscription", id, Map.of());
        });
        return secret;
    }

    /** Removes the subscription with its delivery log; nothing more is sent to it. */
    public void delete(Actor actor, UUID id) {
        requireAdmin(actor);
        transactions.useTenant(actor.tenant(), handle -> {
            if (handle.attach(SubscriptionDao.class).delete(id) == 0) throw CrmException.notFound("Webhook subscription");
            audit.record(actor, "webhook.delete", "webhook_subscription", id, Map.of());
        });
    }

    private static void requireAdmin(Actor actor) {
        Permissions.requireAdmin(actor, "manage webhooks");
    }

    private static List<String> events(List<String> requested, Violations violations) {
        if (requested == null || requested.isEmpty()) {
            violations.check(false, "events", "name at least one event, or \"*\" for all");
            return List.of();
        }
        List<String> unknown = new ArrayList<>();
        LinkedHashSet<String> events = new LinkedHashSet<>();
        for (String event : requested) {
            String name = event == null ? "" : event.strip();
            if (name.equals(EventCatalogue.ALL) || EventCatalogue.find(name).isPresent()) events.add(name);
            else unknown.add(name);
        }
        violations.check(unknown.isEmpty(), "events", "unknown events " + unknown + "; GET /api/webhooks/events lists them");
        return List.copyOf(events);
    }

    private static BigDecimal threshold(BigDecimal threshold, Violations violations) {
        violations.check(threshold == null || (threshold.signum() >= 0 && threshold.compareTo(BigDecimal.valueOf(100)) <= 0),
                "scoreThreshold", "must be between 0 and 100");
        return threshold;
    }

    private static String description(String description, Violations violations) {
        String text = description == null ? "" : description.strip();
        violations.check(text.length() <= MAX_DESCRIPTION, "description", "at most " + MAX_DESCRIPTION + " characters");
        return text;
    }
}
