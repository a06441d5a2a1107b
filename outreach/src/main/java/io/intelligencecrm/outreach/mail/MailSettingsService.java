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
import io.intelligencecrm.outreach.dkim.DkimKey;
import java.security.KeyPair;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Per-tenant SMTP server, sender address, daily cap, bounce mailbox and DKIM key (admins only; the mailbox
 * is kept by {@link MailboxStore}, how its reads go by {@link MailboxChecks}), and the route each tenant's
 * mail takes: its own server, else the product's configured one, else the development capture. Passwords and the DKIM private key are sealed with {@link SecretBox} before they
 * are stored. Settings come with warnings about what weakens delivery.
 */
public final class MailSettingsService {
    private static final Set<String> FIELDS = Stream.concat(Stream.of("smtpHost", "smtpPort", "smtpSecurity",
            "smtpUsername", "smtpPassword", "fromAddress", "fromName", "dailyCap"), MailboxStore.FIELDS.stream())
            .collect(Collectors.toUnmodifiableSet());

    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+");
    private static final Pattern SELECTOR = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private final TenantTransactions transactions;
    private final AuditTrail audit;
    private final SecretBox secrets;
    private final MailboxStore mailboxes;
    private final OutreachSettings defaults;
    private final String publicUrl;
    private final MailboxChecks checks;

    /** @param publicUrl the product's public address, which unsubscribe links in mail use */
    public MailSettingsService(TenantTransactions transactions, AuditTrail audit, SecretBox secrets,
                               MailboxStore mailboxes, OutreachSettings defaults, String publicUrl,
                               MailboxChecks checks) {
        this.transactions = transactions;
        this.audit = audit;
        this.secrets = secrets;
        this.mailboxes = mailboxes;
        this.defaults = defaults;
        this.publicUrl = publicUrl;
        this.checks = checks;
    }

    public MailSettings get(Actor actor) {
        Permissions.requireAdmin(actor, "see the mail settings");
        return withWarnings(actor.tenant(), row(actor.tenant()).map(Stored::view).orElse(MailSettings.NONE));
    }

    /**
     * Makes a new DKIM key for the domain (replacing any earlier one): the private half is sealed, the
     * public half shown as the DNS record to publish. Mail is signed from then on.
     */
    public MailSettings createDkimKey(Actor actor, Map<String, Object> body) {
        Permissions.requireAdmin(actor, "make a DKIM key");
        Violations violations = new Violations();
        for (String key : body.keySet()) {
            if (!key.equals("domain") && !key.equals("selector")) violations.add(key, "is not a known field");
        }
        String domain = body.get("domain") instanceof String text ? text.strip().toLowerCase(Locale.ROOT) : null;
        violations.check(domain != null && domain.length() <= 253 && DOMAIN.matcher(domain).matches(), "domain",
                "is required: the domain mail is sent from, e.g. example.com");
        Object rawSelector = body.getOrDefault("selector", "crm");
        String selector = rawSelector instanceof String text ? text.strip().toLowerCase(Locale.ROOT) : null;
        violations.check(selector != null && SELECTOR.matcher(selector).matches(), "selector",
                "must be letters, digits and hyphens, e.g. crm or crm2025");
        violations.throwIfAny();
        KeyPair pair = DkimKey.generate();
        return transactions.inTenant(actor.tenant(), handle -> {
            handle.createUpdate("insert into mail_settings (tenant_id) values (crm_current_tenant()) on conflict do nothing")
                    .execute();
            handle.createUpdate("""
                            update mail_settings set dkim_domain = :domain, dkim_selector = :selector,
                                   dkim_private_key_sealed = :sealed, dkim_public_key = :publicKey""")
                    .bind("domain", domain).bind("selector", selector)
                    .bind("sealed", secrets.seal(DkimKey.privateKeyBase64(pair.getPrivate())))
                    .bind("publicKey", DkimKey.publicKeyBase64(pair.getPublic())).execute();
            audit.record(actor, "mail_settings.dkim_key", "mail_settings", null,
                    Map.of("domain", domain, "selector", selector));
            return withWarnings(actor.tenant(), row(actor.tenant()).orElseThrow().view());
        });
    }

    /** Stops signing: the key is deleted (its DNS record can then be removed). */
    public MailSettings removeDkimKey(Actor actor) {
        Permissions.requireAdmin(actor, "remove the DKIM key");
        return transactions.inTenant(actor.tenant(), handle -> {
            handle.createUpdate("""
                    update mail_settings set dkim_domain = null, dkim_selector = null, dkim_private_key_sealed = null,
                           dkim_public_key = null""").execute();
            audit.record(actor, "mail_settings.dkim_key_removed", "mail_settings", null, Map.of());
            return withWarnings(actor.tenant(), row(actor.tenant()).map(Stored::view).orElse(MailSettings.NONE));
        });
    }

    /** Records how the last read of the bounce mailbox went (null error: it worked). */
    public void recordBounceMailboxCheck(TenantId tenant, String error) {
        checks.record(tenant, MailboxStore.Use.BOUNCES, error);
    }

    private MailSettings withWarnings(TenantId tenant, MailSettings stored) {
        Optional<MailboxChecks.Check> check = stored.imapHost() == null ? Optional.empty()
                : checks.last(tenant, MailboxStore.Use.BOUNCES);
        MailSettings view = stored.withCheck(check.map(MailboxChecks.Check::checkedAt).orElse(null),
                check.map(MailboxChecks.Check::error).orElse(null));
        List<String> warnings = new ArrayList<>();
        if (!publicUrl.startsWith("https://")) {
            warnings.add("The public URL (CRM_PUBLIC_URL) is " + publicUrl + ", not https: unsubscribe links in mail "
                    + "travel unencrypted and large mailbox providers may distrust them. Serve the product over https.");
        }
        String from = view.fromAddress() != null ? view.fromAddress() : defaults.fromAddress();
        String fromDomain = from.substring(from.indexOf('@') + 1).toLowerCase(Locale.ROOT);
        if (view.dkimDomain() == null) {
            warnings.add("Mail is not signed with DKIM: large mailbox providers reject unsigned bulk mail, and "
                    + "one-click unsubscribe needs a signature. Make a key for " + fromDomain + " and publish its record.");
        } else if (!fromDomain.equals(view.dkimDomain()) && !fromDomain.endsWith("." + view.dkimDomain())) {
            warnings.add("The sender address " + from + " is not in the DKIM domain " + view.dkimDomain()
                    + ": DMARC checks will not count the signature.");
        }
        if (view.imapError() != null) {
            warnings.add("The bounce mailbox cannot be read (since " + check.get().failingSince() + "): "
                    + view.imapError());
        }
        return view.withWarnings(List.copyOf(warnings));
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
            return withWarnings(actor.tenant(), row(actor.tenant()).orElseThrow().view());
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
        DkimKey dkim = stored.filter(s -> s.dkimPrivateKey != null).map(s -> new DkimKey(s.view.dkimDomain(),
                s.view.dkimSelector(), DkimKey.privateKey(secrets.open(s.dkimPrivateKey)))).orElse(null);
        if (server == null) {
            return new MailRoute(new CaptureMailSender(transactions, tenant), Session.getInstance(new Properties()),
                    fromAddress, fromName, cap, true, dkim);
        }
        SmtpMailSender sender = new SmtpMailSender(server);
        return new MailRoute(sender, sender.session(), fromAddress, fromName, cap, false, dkim);
    }

    /** The tenant's bounce mailbox, if it configured one. */
    public Optional<MailboxAccount> bounceMailbox(TenantId tenant) {
        return transactions.inTenant(tenant, handle -> mailboxes.account(handle, MailboxStore.Use.BOUNCES));
    }

    private String open(String sealed) {
        return sealed == null ? null : secrets.open(sealed);
    }

    private record Stored(MailSettings view, String smtpPassword, String dkimPrivateKey) {
    }

    private Optional<Stored> row(TenantId tenant) {
        return transactions.inTenant(tenant, handle -> {
            MailboxSettings bounces = mailboxes.settings(handle, MailboxStore.Use.BOUNCES);
            return handle.createQuery("select * from mail_settings").map((rs, ctx) -> stored(rs, bounces)).findOne();
        });
    }

    private static Stored stored(ResultSet rs, MailboxSettings bounces) throws SQLException {
        String smtpPassword = rs.getString("smtp_password_sealed");
        String dkimDomain = rs.getString("dkim_domain");
        String dkimSelector = rs.getString("dkim_selector");
        String dkimPublicKey = rs.getString("dkim_public_key");
        boolean dkim = dkimDomain != null && dkimPublicKey != null;
        return new Stored(new MailSettings(rs.getString("smtp_host"), (Integer) rs.getObject("smtp_port"),
                rs.getString("smtp_security"), rs.getString("smtp_username"), smtpPassword != null,
                rs.getString("from_address"), rs.getString("from_name"), (Integer) rs.getObject("daily_cap"),
                bounces.host(), bounces.port(), bounces.security(), bounces.username(), bounces.passwordSet(),
                bounces.folder(), dkimDomain, dkimSelector, dkim ? DkimKey.dnsName(dkimDomain, dkimSelector) : null,
                dkim ? DkimKey.dnsRecord(dkimPublicKey) : null, null, null,
                bounces.laterThan(rs.getTimestamp("updated_at").toInstant()), List.of()), smtpPassword,
                dkim ? rs.getString("dkim_private_key_sealed") : null);
    }

    private static String column(String field) {
        return field.equals("smtpPassword") ? "smtp_password_sealed" : field.replaceAll("([A-Z])", "_$1").toLowerCase();
    }
}
