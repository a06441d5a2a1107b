package io.intelligencecrm.core.tenant;

import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.error.ErrorCode;
import io.intelligencecrm.core.identity.SecretHash;
import io.intelligencecrm.core.user.Invitation;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Self-service sign-up, when the operator allows it: a request is kept until its email address is confirmed
 * through a one-time link, and only then are the tenant and its first admin created (as the operator's
 * provisioning does). In {@code invite} mode a request needs one of the sign-up codes the operator handed out.
 */
public final class SignupService {
    public enum Mode { OFF, INVITE, OPEN }

    /** Sends the confirmation link; false when it could not be sent. */
    public interface ConfirmationMail {
        boolean send(String email, String companyName, String link);
    }

    private static final Duration LIFETIME = Duration.ofHours(24);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Jdbi ownerJdbi;
    private final TenantAdministration administration;
    private final ConfirmationMail mail;
    private final Mode mode;
    private final Set<String> codes;
    private final String publicUrl;
    private final Clock clock;

    public SignupService(Jdbi ownerJdbi, TenantAdministration administration, ConfirmationMail mail, Mode mode,
                         Set<String> codes, String publicUrl, Clock clock) {
        this.ownerJdbi = ownerJdbi;
        this.administration = administration;
        this.mail = mail;
        this.mode = mode;
        this.codes = Set.copyOf(codes);
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    public Mode mode() {
        return mode;
    }

    /** Stores the request and mails the confirmation link. Says nothing about whether the address has an account. */
    public void request(NewTenant input, String code) {
        if (mode == Mode.OFF) throw CrmException.notFound("Sign-up");
        if (mode == Mode.INVITE && (code == null || !codes.contains(code.trim()))) {
            throw CrmException.invalid("code", "is not a valid sign-up code; ask your provider for one");
        }
        input.validate(true);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
        ownerJdbi.useTransaction(handle -> {
            boolean taken = handle.createQuery("""
                            select exists (select 1 from tenants where slug = :slug)
                                or exists (select 1 from tenant_signups where slug = :slug and confirmed_at is null
                                                                          and expires_at > :now)""")
                    .bind("slug", input.slug()).bind("now", clock.instant()).mapTo(Boolean.class).one();
            if (taken) {
                throw new CrmException(ErrorCode.CONFLICT, "This workspace name is taken",
                        Map.of("slug", "is taken; choose another"));
            }
            handle.createUpdate("""
                            insert into tenant_signups (slug, name, email, admin_name, secret_hash, expires_at)
                            values (:slug, :name, :email, :adminName, :hash, :expires)""")
                    .bind("slug", input.slug()).bind("name", input.name()).bind("email", input.adminEmail())
                    .bind("adminName", input.adminName() == null ? "" : input.adminName().trim())
                    .bind("hash", SecretHash.of(secret)).bind("expires", clock.instant().plus(LIFETIME)).execute();
        });
        mail.send(input.adminEmail(), input.name(), publicUrl + "/signup/confirm/" + secret);
    }

    /** Creates the tenant of a confirmed request and returns its first admin's set-password invitation. */
    public Invitation confirm(String secret) {
        if (mode == Mode.OFF) throw CrmException.notFound("Sign-up");
        Map<String, Object> row = ownerJdbi.inTransaction(handle -> {
            Map<String, Object> found = handle.createQuery("""
                            select id, slug, name, email, admin_name, expires_at, confirmed_at from tenant_signups
                             where secret_hash = :hash for update""")
                    .bind("hash", SecretHash.of(secret == null ? "" : secret)).mapToMap().findOne()
                    .orElseThrow(() -> CrmException.invalid("token", "is not a valid confirmation link"));
            if (found.get("confirmed_at") != null) throw CrmException.invalid("token", "has already been used");
            Instant expires = ((java.sql.Timestamp) found.get("expires_at")).toInstant();
            if (expires.isBefore(clock.instant())) throw CrmException.invalid("token", "has expired; sign up again");
            handle.createUpdate("update tenant_signups set confirmed_at = now() where id = :id")
                    .bind("id", (UUID) found.get("id")).execute();
            return found;
        });
        return administration.create(new NewTenant((String) row.get("slug"), (String) row.get("name"),
                (String) row.get("email"), (String) row.get("admin_name"), null, null), "signup").admin();
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
