package io.intelligencecrm.outreach.mail;

import io.intelligencecrm.core.error.Violations;
import io.intelligencecrm.core.record.FieldReader;
import io.intelligencecrm.core.secret.SecretBox;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The IMAP mailboxes the product reads, one per tenant and use (bounce reports, the email bot), kept in
 * one table with one set of rules: every settings form with a mailbox reads, stores and shows it here.
 * Passwords are sealed with {@link SecretBox}; only whether one is stored is ever shown. Each method
 * works in the caller's tenant transaction, so a form's mailbox and its other fields change together.
 */
public final class MailboxStore {
    /** The form fields of a mailbox, named alike in every settings form that has one. */
    public static final Set<String> FIELDS = Set.of("imapHost", "imapPort", "imapSecurity", "imapUsername",
            "imapPassword", "imapFolder");

    /** What a mailbox is read for; a tenant has at most one mailbox per use. */
    public enum Use {
        BOUNCES("bounces"), EMAIL_BOT("email_bot");

        private final String column;

        Use(String column) {
            this.column = column;
        }

        String column() {
            return column;
        }
    }

    private final SecretBox box;

    public MailboxStore(SecretBox box) {
        this.box = box;
    }

    /** The mailbox fields the form sent, checked (errors go to {@code violations}), the password sealed. */
    public Map<String, Object> read(Map<String, Object> body, FieldReader reader, Violations violations) {
        Map<String, Object> values = new LinkedHashMap<>();
        SettingsFields.text(reader, values, "imapHost", 255);
        SettingsFields.port(body, violations, values, "imapPort");
        SettingsFields.choice(body, violations, values, "imapSecurity", List.of("none", "tls"));
        SettingsFields.text(reader, values, "imapUsername", 255);
        if (reader.has("imapFolder")) {
            String folder = reader.text("imapFolder", 200);
            values.put("imapFolder", folder == null ? "INBOX" : folder);
        }
        SettingsFields.sealed(body, violations, values, "imapPassword", box);
        return values;
    }

    /**
     * Stores the fields {@link #read} returned; fields left out keep their value. A changed mailbox loses
     * its {@link MailboxChecks} state: the next read tells anew.
     */
    public void save(Handle handle, Use use, Map<String, Object> values) {
        if (values.isEmpty()) return;
        forgetCheck(handle, use);
        handle.createUpdate("insert into mailboxes (tenant_id, purpose) values (crm_current_tenant(), :use) "
                + "on conflict do nothing").bind("use", use.column).execute();
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            // Column names come from the fixed FIELDS set, never from the request.
            handle.createUpdate("update mailboxes set " + column(entry.getKey()) + " = :value where purpose = :use")
                    .bind("value", entry.getValue()).bind("use", use.column).execute();
        }
    }

    public void delete(Handle handle, Use use) {
        handle.createUpdate("delete from mailboxes where purpose = :use").bind("use", use.column).execute();
        forgetCheck(handle, use);
    }

    private static void forgetCheck(Handle handle, Use use) {
        handle.createUpdate("delete from mailbox_checks where purpose = :use").bind("use", use.column).execute();
    }

    /** The mailbox as shown to admins, or {@link MailboxSettings#NONE}. */
    public MailboxSettings settings(Handle handle, Use use) {
        return row(handle, use).map(Stored::view).orElse(MailboxSettings.NONE);
    }

    /** The mailbox to read, with its password opened, once it has a host. */
    public Optional<MailboxAccount> account(Handle handle, Use use) {
        return row(handle, use).filter(stored -> stored.view.host() != null).map(stored -> new MailboxAccount(
                stored.view.host(), stored.view.port() == null ? 993 : stored.view.port(), stored.view.security(),
                stored.view.username(), stored.password == null ? null : box.open(stored.password),
                stored.view.folder()));
    }

    private record Stored(MailboxSettings view, String password) {
    }

    private static Optional<Stored> row(Handle handle, Use use) {
        return handle.createQuery("select * from mailboxes where purpose = :use").bind("use", use.column)
                .map((rs, ctx) -> stored(rs)).findOne();
    }

    private static Stored stored(ResultSet rs) throws SQLException {
        String password = rs.getString("password_sealed");
        return new Stored(new MailboxSettings(rs.getString("host"), (Integer) rs.getObject("port"),
                rs.getString("security"), rs.getString("username"), password != null, rs.getString("folder"),
                rs.getTimestamp("updated_at").toInstant()), password);
    }

    private static String column(String field) {
        return switch (field) {
            case "imapHost" -> "host";
            case "imapPort" -> "port";
            case "imapSecurity" -> "security";
            case "imapUsername" -> "username";
            case "imapPassword" -> "password_sealed";
            case "imapFolder" -> "folder";
            default -> throw new IllegalArgumentException("not a mailbox field: " + field);
        };
    }
}
