package io.intelligencecrm.outreach.sms;

import io.intelligencecrm.core.audit.AuditTrail;
import io.intelligencecrm.core.config.OutreachSettings;
import io.intelligencecrm.core.config.OutreachSettings.QuietHours;
import io.intelligencecrm.core.error.Violations;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.identity.Permissions;
import io.intelligencecrm.core.secret.SecretBox;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.tenant.TenantTransactions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Per-tenant SMS provider account (the auth token sealed with {@link SecretBox}), quiet hours and HELP
 * reply (admins only), and the account each tenant's texts go through: its own, else the product's
 * (CRM_SMS_TWILIO_*), else none.
 */
public final class SmsSettingsService {
    private static final Set<String> FIELDS = Set.of("accountSid", "authToken", "fromNumber", "quietHours", "helpText");
    static final String DEFAULT_HELP = "Reply STOP to receive no more messages, START to receive them again.";

    private final TenantTransactions transactions;
    private final AuditTrail audit;
    private final SecretBox secrets;
    private final OutreachSettings defaults;
    private final String publicUrl;

    public SmsSettingsService(TenantTransactions transactions, AuditTrail audit, SecretBox secrets,
                              OutreachSettings defaults, String publicUrl) {
        this.transactions = transactions;
        this.audit = audit;
        this.secrets = secrets;
        this.defaults = defaults;
        this.publicUrl = publicUrl;
    }

    private record Stored(String accountSid, String tokenSealed, String from, Integer quietStart, Integer quietEnd,
                          String helpText) {
        boolean ownAccount() {
            return accountSid != null && tokenSealed != null && from != null;
        }
    }

    public SmsSettings get(Actor actor) {
        Permissions.requireAdmin(actor, "see the SMS settings");
        return view(actor.tenant());
    }

    /** Replaces the given fields; an auth token left out is kept, an empty one removes it. */
    public SmsSettings update(Actor actor, Map<String, Object> body) {
        Permissions.requireAdmin(actor, "change the SMS settings");
        Violations violations = new Violations();
        Map<String, Object> columns = new LinkedHashMap<>();
        for (String key : body.keySet()) if (!FIELDS.contains(key)) violations.add(key, "is not a known field");
        if (body.containsKey("accountSid")) {
            Object sid = body.get("accountSid");
            violations.check(sid == null || sid instanceof String s && s.matches("[A-Za-z0-9]{2,64}"), "accountSid",
                    "must be the provider's account id (letters and digits, e.g. AC0123...), or null");
            columns.put("account_sid", sid);
        }
        if (body.containsKey("authToken")) {
            Object token = body.get("authToken");
            violations.check(token == null || token instanceof String s && s.length() <= 200, "authToken",
                    "must be text of at most 200 characters");
            columns.put("auth_token_sealed", token instanceof String s && !s.isEmpty() ? secrets.seal(s) : null);
        }
        if (body.containsKey("fromNumber")) {
            Object from = body.get("fromNumber");
            String number = from instanceof String s ? OutboundSms.normalise(s) : null;
            violations.check(from == null || number != null && number.matches("\\+[1-9][0-9]{6,14}"), "fromNumber",
                    "must be the sending number in international form, e.g. +15550001111");
            columns.put("from_number", number);
        }
        if (body.containsKey("quietHours")) {
            Object hours = body.get("quietHours");
            QuietHours parsed = hours instanceof String s ? QuietHours.parse(s) : null;
            violations.check(hours == null || parsed != null, "quietHours",
                    "must be local hours like 21-8 (no texts from 21:00 to 08:00), or null for the default");
            columns.put("quiet_start", parsed == null ? null : parsed.start());
            columns.put("quiet_end", parsed == null ? null : parsed.end());
        }
        if (body.containsKey("helpText")) {
            Object help = body.get("helpText");
            violations.check(help == null || help instanceof String s && !s.isBlank() && s.length() <= 320, "helpText",
                    "must be the reply to HELP, at most 320 characters, or null for the default");
            columns.put("help_text", help instanceof String s ? s.strip() : null);
        }
        violations.throwIfAny();
        transactions.useTenant(actor.tenant(), handle -> {
            handle.createUpdate("insert into sms_settings (tenant_id) values (crm_current_tenant()) on conflict do nothing")
                    .execute();
            for (Map.Entry<String, Object> column : columns.entrySet()) {
                // Column names come from the fixed mapping above, never from the request.
                handle.createUpdate("update sms_settings set " + column.getKey() + " = :value")
                        .bind("value", column.getValue()).execute();
            }
            audit.record(actor, "sms_settings.update", "sms_settings", null, Map.of("fields", body.keySet()));
        });
        return view(actor.tenant());
    }

    /** The account this tenant's texts go through now; empty when SMS is not set up. */
    public Optional<SmsAccount> account(TenantId tenant) {
        Optional<Stored> stored = row(tenant).filter(Stored::ownAccount);
        if (stored.isPresent()) {
            return Optional.of(new SmsAccount(stored.get().accountSid(), secrets.open(stored.get().tokenSealed()),
                    stored.get().from()));
        }
        if (defaults.twilioAccountSid().isEmpty()) return Optional.empty();
        return Optional.of(new SmsAccount(defaults.twilioAccountSid().get(), defaults.twilioAuthToken().orElseThrow(),
                defaults.smsFrom().orElseThrow()));
    }

    /** Local hours no text goes out for this tenant; null when none. */
    public QuietHours quietHours(TenantId tenant) {
        Optional<Stored> stored = row(tenant).filter(s -> s.quietStart() != null && s.quietEnd() != null);
        return stored.map(s -> new QuietHours(s.quietStart(), s.quietEnd())).orElse(defaults.smsQuietHours());
    }

    public String helpText(TenantId tenant) {
        return row(tenant).map(Stored::helpText).orElse(null) instanceof String own ? own : DEFAULT_HELP;
    }

    /** Where the provider posts this tenant's inbound texts ({@code /inbound}) and status callbacks ({@code /status}). */
    public String webhookBase(TenantId tenant) {
        return publicUrl.replaceAll("/+$", "") + "/webhooks/sms/" + tenant.value();
    }

    private SmsSettings view(TenantId tenant) {
        Optional<Stored> stored = row(tenant);
        QuietHours quiet = quietHours(tenant);
        String account = stored.filter(Stored::ownAccount).isPresent() ? "tenant"
                : defaults.twilioAccountSid().isPresent() ? "product" : "none";
        return new SmsSettings(stored.map(Stored::accountSid).orElse(null),
                stored.map(Stored::tokenSealed).isPresent(), stored.map(Stored::from).orElse(null),
                quiet == null ? null : quiet.start() + "-" + quiet.end(), helpText(tenant), account,
                webhookBase(tenant));
    }

    private Optional<Stored> row(TenantId tenant) {
        return transactions.inTenant(tenant, handle -> handle.createQuery("""
                        select account_sid, auth_token_sealed, from_number, quiet_start, quiet_end, help_text
                          from sms_settings""")
                .map((rs, ctx) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3),
                        (Integer) rs.getObject(4, Integer.class), (Integer) rs.getObject(5, Integer.class),
                        rs.getString(6)))
                .findOne());
    }
}
