package io.intelligencecrm.core.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Token signing and lifetimes, and request rate limits. Without CRM_JWT_SECRET a random secret is
 * generated once and kept under the data folder, so tokens survive restarts. CRM_JWT_SECRETS_ACCEPTED
 * lists more secrets whose tokens are still accepted (a rotation's old one, or the next one); new tokens
 * are signed with CRM_JWT_SECRET only.
 */
public record AuthSettings(Optional<String> jwtSecret, List<String> jwtSecretsAccepted, String issuer, String audience, int accessTokenMinutes,
                           int refreshTokenDays, int invitationHours, int userRequestsPerMinute,
                           int tenantRequestsPerMinute, int loginAttemptsPerMinute) {

    static AuthSettings from(Env env) {
        Optional<String> secret = env.optional("CRM_JWT_SECRET");
        if (secret.isPresent() && secret.get().length() < 32) {
            env.problem("CRM_JWT_SECRET must be at least 32 characters");
        }
        List<String> accepted = Arrays.stream(env.string("CRM_JWT_SECRETS_ACCEPTED", "").split(","))
                .map(String::trim).filter(value -> !value.isEmpty()).toList();
        if (accepted.stream().anyMatch(value -> value.length() < 32)) {
            env.problem("each secret in CRM_JWT_SECRETS_ACCEPTED must be at least 32 characters");
        }
        return new AuthSettings(
                secret,
                accepted,
                env.string("CRM_JWT_ISSUER", "intelligence-crm"),
                env.string("CRM_JWT_AUDIENCE", "intelligence-crm-api"),
                env.integer("CRM_ACCESS_TOKEN_MINUTES", 15, 1, 24 * 60),
                env.integer("CRM_REFRESH_TOKEN_DAYS", 30, 1, 365),
                env.integer("CRM_INVITATION_HOURS", 72, 1, 24 * 30),
                env.integer("CRM_RATE_LIMIT_USER_PER_MINUTE", 600, 1, 1_000_000),
                env.integer("CRM_RATE_LIMIT_TENANT_PER_MINUTE", 3000, 1, 10_000_000),
                env.integer("CRM_RATE_LIMIT_LOGIN_PER_MINUTE", 10, 1, 10_000));
    }
}
