package io.intelligencecrm.outreach.mail;

import io.intelligencecrm.core.audit.AuditTrail;
import io.intelligencecrm.core.config.OutreachSettings;
import io.intelligencecrm.core.error.Violations;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.identity.Permissions;
import io.intelligencecrm.core.record.FieldReader;
import io.intelligencecrm.core.secret.SecretBox;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.tenant.TenantTransactions;
import jakarta.mail.Session;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Per-tenant SMTP server, sender address, daily cap and bounce mailbox (admins only; the mailbox is
 * kept by {@link MailboxStore}), and the route each tenant's mail takes: its own server, else the
 * product's configured one, else the development capture. Passwords are sealed with {@link SecretBox}
 * before they are stored.
 */
public final class MailSettingsService {
    private static final Set<String> FIELDS = Stream.concat(Stream.of("smtpHost", "smtpPort", "smtpSecurity",
            "smtpUsername", "smtpPassword", "fromAddress", "fromName", "dailyCap"), MailboxStore.FIELDS.stream())
            .collect(Collectors.toUnmodifiableSet());

    private final TenantTransactions transactions;
    private final AuditTrail audit;
    private final SecretBox secrets;
    private final MailboxStore mailboxes;
    private final OutreachSettings defaults;

    public MailSettingsService(TenantTransactions transactions, AuditTrail audit, SecretBox secrets,
                               MailboxStore mailboxes, OutreachSettings defaults) {
        this.transactions = transactions;
        this.audit = audit;
        this.secrets = secrets;
        this.mailboxes = mailboxes;
        this.defaults = defaults;
    }

    public MailSettings get(Actor actor) {
        Permissions.requireAdmin(actor, "see the mail settings");
        return row(actor.tenant()).map(Stored::view).orElse(MailSettings.NONE);
    }

    /** Replaces the given fields; a password left out is kept, an empty one is removed. */
    public MailSettings update(Actor actor, Map<String, Object> body) {
        Permissions.requireAdmin(actor, "change the mail settings");
        Violations violations = new Violations();
        FieldReader reader = new FieldReader(body, FIELDS, violations);
        Map<String, Object> values = new LinkedHashMap<>();
        SettingsFields.text(reader, values, "smtpHost", 255);
        SettingsFields.port(body, violations, values, "smtpPort");
        SettingsFields.choice(body, violations, values, "smtpSecurity", List.of("none", "starttls", "tls"));
        SettingsFields.text(reader, values, "smtpUsername", 255);
        if (reader.has("fromAddress")) values.put("fromAddress", reader.email("fromAddress"));
        SettingsFields.text(reader, values, "fromName", 200);
        if (body.containsKey("dailyCap")) {
            Object cap = body.get("dailyCap");
            violations.check(cap == null || cap instanceof Number n && n.intValue() > 0 && n.intValue() <= 10_000_000,
                    "dailyCap", "must be a whole number from 1 to 10000000, or null for the default");
            values.put("dailyCap", cap == null ? null : ((Number) cap).intValue());
        }
        SettingsFields.sealed(body, violations, values, "smtpPassword", secrets);
        Map<String, Object> bounceMailbox = mailboxes.read(body, reader, violations);
        violations.throwIfAny();
        return transactions.inTenant(actor.tenant(), handle -> {
            handle.createUpdate("insert into mail_settings (tenant_id) values (crm_current_tenant()) on conflict do nothing")
                    .execute();
            for (Map.Entry<String, Object> entry : values.entrySet()) {
                // Column names come from the fixed FIELDS set above, never from the request.
                handle.createUpdate("update mail_settings set " + column(entry.getKey()) + " = :value")
                        .bind("value", entry.getValue()).execute();
            }
            mailboxes.save(handle, MailboxStore.Use.BOUNCES, bounceMailbox);
            Set<String> fields = new TreeSet<>(values.keySet());
            fields.addAll(bounceMailbox.keySet());
            audit.record(actor, "mail_settings.update", "mail_settings", null, Map.of("fields", fields));
            return row(actor.tenant()).orElseThrow().view();
        });
    }

    /** The route this tenant's mail takes now. */
    public MailRoute route(TenantId tenant) {
        Optional<Stored> stored = row(tenant);
        String from = stored.map(s -> s.view.fromAddress()).orElse(null);
        String fromName = stored.map(s -> s.view.fromName()).orElse(null);
        int cap = stored.map(s -> s.view.dailyCap()).orElse(null) instanceof Integer own ? own : defaults.dailyCap();
        SmtpServer server = null;
        if (stored.isPresent() && stored.get().view.smtpHost() != null) {
            MailSettings view = stored.get().view;
            server = new SmtpServer(view.smtpHost(), view.smtpPort() == null ? 587 : view.smtpPort(),
                    view.smtpSecurity(), view.smtpUsername(), open(stored.get().smtpPassword));
        } else if (defaults.smtpHost().isPresent()) {
            server = new SmtpServer(defaults.smtpHost().get(), defaults.smtpPort(), defaults.smtpSecurity(),
                    defaults.smtpUsername().orElse(null), defaults.smtpPassword().orElse(null));
        }
        String fromAddress = from != null ? from : defaults.fromAddress();
        if (server == null) {
            return new MailRoute(new CaptureMailSender(transactions, tenant), Session.getInstance(new Properties()),
                    fromAddress, fromName, cap, true);
        }
        SmtpMailSender sender = new SmtpMailSender(server);
        return new MailRoute(sender, sender.session(), fromAddress, fromName, cap, false);
    }

    /** The tenant's bounce mailbox, if it configured one. */
    public Optional<MailboxAccount> bounceMailbox(TenantId tenant) {
        return transactions.inTenant(tenant, handle -> mailboxes.account(handle, MailboxStore.Use.BOUNCES));
    }

    private String open(String sealed) {
        return sealed == null ? null : secrets.open(sealed);
    }

    private record Stored(MailSettings view, String smtpPassword) {
    }

    private Optional<Stored> row(TenantId tenant) {
        return transactions.inTenant(tenant, handle -> {
            MailboxSettings bounces = mailboxes.settings(handle, MailboxStore.Use.BOUNCES);
            return handle.createQuery("select * from mail_settings").map((rs, ctx) -> stored(rs, bounces)).findOne();
        });
    }

    private static Stored stored(ResultSet rs, MailboxSettings bounces) throws SQLException {
        String smtpPassword = rs.getString("smtp_password_sealed");
        return new Stored(new MailSettings(rs.getString("smtp_host"), (Integer) rs.getObject("smtp_port"),
                rs.getString("smtp_security"), rs.getString("smtp_username"), smtpPassword != null,
                rs.getString("from_address"), rs.getString("from_name"), (Integer) rs.getObject("daily_cap"),
                bounces.host(), bounces.port(), bounces.security(), bounces.username(), bounces.passwordSet(),
                bounces.folder(), bounces.laterThan(rs.getTimestamp("updated_at").toInstant())), smtpPassword);
    }

    private static String column(String field) {
        return field.equals("smtpPassword") ? "smtp_password_sealed" : field.replaceAll("([A-Z])", "_$1").toLowerCase();
    }
}
