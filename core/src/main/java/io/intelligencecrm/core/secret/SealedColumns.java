package io.intelligencecrm.core.secret;

import java.util.List;
import java.util.Map;

/**
 * Every column holding {@link SecretBox}-sealed values, by table (with a tenant_id, one or more rows per
 * tenant). The IMAP columns of mail_settings and email_bot_settings are empty since V34 moved them to
 * mailboxes. A test compares this list with the catalog, so a new sealed column cannot be forgotten by
 * {@code reseal}.
 */
public final class SealedColumns {
    public static final Map<String, List<String>> BY_TABLE = Map.of(
            "mail_settings", List.of("smtp_password_sealed", "imap_password_sealed", "dkim_private_key_sealed"),
            "slack_workspaces", List.of("bot_token_sealed", "signing_secret_sealed"),
            "email_bot_settings", List.of("imap_password_sealed", "webhook_secret_sealed"),
            "webhook_subscriptions", List.of("secret_sealed"),
            "mailboxes", List.of("password_sealed"),
            "sms_settings", List.of("auth_token_sealed"));

    private SealedColumns() {
    }
}
