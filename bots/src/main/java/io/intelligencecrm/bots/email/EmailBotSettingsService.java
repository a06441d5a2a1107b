package io.intelligencecrm.bots.email;

import io.intelligencecrm.core.audit.AuditTrail;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.error.Violations;
import io.intelligencecrm.outreach.mail.SettingsFields;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.identity.Permissions;
import io.intelligencecrm.core.record.FieldReader;
import io.intelligencecrm.core.secret.SecretBox;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.tenant.TenantTransactions;
import io.intelligencecrm.outreach.mail.MailboxChecks;
import io.intelligencecrm.outreach.mail.MailboxSettings;
import io.intelligencecrm.outreach.mail.MailboxStore;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The tenant's email bot (admins only, audited): its address, the IMAP mailbox it reads (kept by
 * {@link MailboxStore}, how its reads go by {@link MailboxChecks}), which receiving server's Authentication-Results to believe, whether unknown
 * senders become leads, and the webhook's shared secret. Passwords and the secret are sealed with {@link SecretBox}.
 */
public final class EmailBotSettingsService {
    private static final Set<String> FIELDS = Stream.concat(Stream.of("address", "trustedAuthservId", "createLeads"),
            MailboxStore.FIELDS.stream()).collect(Collectors.toUnmodifiableSet());
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Jdbi directory;
    private final TenantTransactions transactions;
    private final SecretBox box;
    private final MailboxStore mailboxes;
    private final AuditTrail audit;
    private final MailboxChecks checks;

    public EmailBotSettingsService(Jdbi directory, TenantTransactions transactions, SecretBox box,
                                   MailboxStore mailboxes, AuditTrail audit, MailboxChecks checks) {
        this.directory = directory;
        this.transactions = transactions;
        this.box = box;
        this.mailboxes = mailboxes;
        this.audit = audit;
        this.checks = checks;
    }

    public EmailBotSettings get(Actor actor) {
        Permissions.requireAdmin(actor, "see the email bot settings");
        EmailBotSettings view = row(actor.tenant()).map(Stored::view).orElse(EmailBotSettings.NONE);
        if (view.imapHost() == null) return view;
        return checks.last(actor.tenant(), MailboxStore.Use.EMAIL_BOT).map(view::withCheck).orElse(view);
    }

    /** Replaces the given fields; a password left out is kept, an empty one is removed. */
    public EmailBotSettings update(Actor actor, Map<String, Object> body) {
        Permissions.requireAdmin(actor, "change the email bot settings");
        Violations violations = new Violations();
        FieldReader reader = new FieldReader(body, FIELDS, violations);
        Map<String, Object> values = new LinkedHashMap<>();
        if (reader.has("address")) {
            String address = reader.email("address");
            violations.check(address == null || !address.contains("+"), "address",
                    "must be the mailbox's plain address (the +tags are added per user)");
            values.put("address", address == null ? null : address.toLowerCase());
        }
        Map<String, Object> mailbox = mailboxes.read(body, reader, violations);
        SettingsFields.text(reader, values, "trustedAuthservId", 255);
        if (body.containsKey("createLeads")) {
            violations.check(body.get("createLeads") instanceof Boolean, "createLeads", "must be true or false");
            values.put("createLeads", Boolean.TRUE.equals(body.get("createLeads")));
        }
        boolean exists = row(actor.tenant()).isPresent();
        if (!exists && values.get("address") == null && !violations.has("address")) {
            violations.add("address", "is required: the address people write to");
        }
        if (exists && values.containsKey("address") && values.get("address") == null && !violations.has("address")) {
            violations.add("address", "cannot be removed; delete the email bot instead");
        }
        if (values.get("address") instanceof String address && tenantOfAddress(address)
                .filter(owner -> !owner.equals(actor.tenant())).isPresent()) {
            violations.add("address", "is already the email bot of another CRM account");
        }
        violations.throwIfAny();
        return transactions.inTenant(actor.tenant(), handle -> {
            if (!exists) {
                handle.createUpdate("insert into email_bot_settings (tenant_id, address) values (crm_current_tenant(), :a)")
                        .bind("a", values.get("address")).execute();
            }
            for (Map.Entry<String, Object> entry : values.entrySet()) {
                // Column names come from the fixed FIELDS set above, never from the request.
                handle.createUpdate("update email_bot_settings set " + column(entry.getKey()) + " = :value")
                        .bind("value", entry.getValue()).execute();
            }
            mailboxes.save(handle, MailboxStore.Use.EMAIL_BOT, mailbox);
            Set<String> fields = new TreeSet<>(values.keySet());
            fields.addAll(mailbox.keySet());
            audit.record(actor, "email_bot.update", "email_bot_settings", null, Map.of("fields", fields));
            return row(actor.tenant()).orElseThrow().view();
        });
    }

    public void delete(Actor actor) {
        Permissions.requireAdmin(actor, "delete the email bot");
        boolean deleted = transactions.inTenant(actor.tenant(), handle -> {
            mailboxes.delete(handle, MailboxStore.Use.EMAIL_BOT);
            return handle.createUpdate("delete from email_bot_settings").execute() == 1;
        });
        if (!deleted) throw CrmException.notFound("Email bot");
        audit.record(actor, "email_bot.delete", "email_bot_settings", null, Map.of());
    }

    /** A new webhook secret, shown this once; the previous one stops working at once. */
    public String rotateWebhookSecret(Actor actor) {
        Permissions.requireAdmin(actor, "change the email bot's webhook secret");
        if (row(actor.tenant()).isEmpty()) throw CrmException.invalid("address", "set up the email bot first");
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = HexFormat.of().formatHex(bytes);
        transactions.useTenant(actor.tenant(), handle -> handle.createUpdate(
                "update email_bot_settings set webhook_secret_sealed = :s").bind("s", box.seal(secret)).execute());
        audit.record(actor, "email_bot.webhook_secret", "email_bot_settings", null, Map.of());
        return secret;
    }

    /** The tenant whose bot this address (with or without +tag) is. */
    public Optional<TenantId> tenantOfAddress(String address) {
        if (address == null || address.isBlank()) return Optional.empty();
        return directory.withHandle(handle -> handle.createQuery(
                        "select tenant from crm_email_bot_tenant(:address) as tenant where tenant is not null")
                .bind("address", BotAddress.base(address)).mapTo(UUID.class).findOne().map(TenantId::new));
    }

    Optional<EmailBotConfig> config(TenantId tenant) {
        return transactions.inTenant(tenant, handle -> row(handle).map(stored -> {
            EmailBotSettings view = stored.view;
            return new EmailBotConfig(tenant, view.address(), mailboxes.account(handle, MailboxStore.Use.EMAIL_BOT),
                    view.trustedAuthservId(), view.createLeads(), open(stored.webhookSecret));
        }));
    }

    private String open(String sealed) {
        return sealed == null ? null : box.open(sealed);
    }

    private record Stored(EmailBotSettings view, String webhookSecret) {
    }

    private Optional<Stored> row(TenantId tenant) {
        return transactions.inTenant(tenant, this::row);
    }

    private Optional<Stored> row(Handle handle) {
        MailboxSettings mailbox = mailboxes.settings(handle, MailboxStore.Use.EMAIL_BOT);
        return handle.createQuery("select * from email_bot_settings").map((rs, ctx) -> stored(rs, mailbox)).findOne();
    }

    private static Stored stored(ResultSet rs, MailboxSettings mailbox) throws SQLException {
        String webhookSecret = rs.getString("webhook_secret_sealed");
        return new Stored(new EmailBotSettings(true, rs.getString("address"), mailbox.host(), mailbox.port(),
                mailbox.security(), mailbox.username(), mailbox.passwordSet(), mailbox.folder(),
                rs.getString("trusted_authserv_id"), rs.getBoolean("create_leads"), webhookSecret != null,
                mailbox.laterThan(rs.getTimestamp("updated_at").toInstant()), null, null, null), webhookSecret);
    }

    private static String column(String field) {
        return field.replaceAll("([A-Z])", "_$1").toLowerCase();
    }
}
