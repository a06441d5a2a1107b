package io.intelligencecrm.core.user;

import io.intelligencecrm.core.audit.AuditTrail;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.error.ErrorCode;
import io.intelligencecrm.core.error.Violations;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.identity.CompoundToken;
import io.intelligencecrm.core.identity.Permissions;
import io.intelligencecrm.core.identity.SessionDao;
import io.intelligencecrm.core.identity.SessionRevocations;
import io.intelligencecrm.core.tenant.TenantDirectory;
import io.intelligencecrm.core.tenant.TenantTransactions;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** The tenant's team: everyone may list it; only admins add, change or deactivate people. */
public final class UserService {
    public static final String INVITATION_KIND = "inv";
    private static final int MIN_PASSWORD = 12;

    private final TenantTransactions transactions;
    private final TenantDirectory directory;
    private final PasswordHasher hasher;
    private final AuditTrail audit;
    private final InvitationSender sender;
    private final Clock clock;
    private final Duration invitationLifetime;
    private final String publicUrl;
    private final SessionRevocations revocations;
    private final ZoneChanges zoneChanges;

    public UserService(TenantTransactions transactions, TenantDirectory directory, PasswordHasher hasher,
                       AuditTrail audit, InvitationSender sender, Clock clock, Duration invitationLifetime,
                       String publicUrl, SessionRevocations revocations) {
        this(transactions, directory, hasher, audit, sender, clock, invitationLifetime, publicUrl,
                revocations, ZoneChanges.NONE);
    }

    /** @param zoneChanges told when a user's time zone changed (cron workflows are rescheduled) */
    public UserService(TenantTransactions transactions, TenantDirectory directory, PasswordHasher hasher,
                       AuditTrail audit, InvitationSender sender, Clock clock, Duration invitationLifetime,
                       String publicUrl, SessionRevocations revocations, ZoneChanges zoneChanges) {
        this.zoneChanges = zoneChanges;
        this.revocations = revocations;
        this.transactions = transactions;
        this.directory = directory;
        this.hasher = hasher;
        this.audit = audit;
        this.sender = sender;
        this.clock = clock;
        this.invitationLifetime = invitationLifetime;
        this.publicUrl = publicUrl;
    }

    public record NewUser(String email, String fullName, Role role, String timezone) {
    }

    public record UserChanges(String fullName, Role role, String timezone, Boolean active) {
    }

    public List<User> list(Actor actor) {
        return transactions.inTenant(actor.tenant(), handle -> handle.attach(UserDao.class).list());
    }

    public User get(Actor actor, UUID id) {
        return transactions.inTenant(actor.tenant(), handle -> handle.attach(UserDao.class).find(id))
                .orElseThrow(() -> CrmException.notFound("User"));
    }

    /** Creates the user without a password and issues a one-time link to set one. */
    public Invitation invite(Actor actor, NewUser input) {
        Permissions.requireAdmin(actor, "invite users");
        Violations violations = new Violations()
                .check(input.email() != null && input.email().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"), "email",
                        "must be a valid email address")
                .check(input.role() != null, "role", "must be admin, manager, rep or viewer");
        // Without a zone of their own, the user follows the tenant's.
        String timezone = input.timezone();
        if (timezone != null) checkTimezone(violations, timezone);
        violations.throwIfAny();
        String tenantName = directory.find(actor.tenant()).orElseThrow().name();
        Invitation invitation = transactions.inTenant(actor.tenant(), handle -> {
            UserDao users = handle.attach(UserDao.class);
            users.findByEmail(input.email()).ifPresent(existing -> {
                throw CrmException.duplicate("email", "A user with this email already exists",
                        Map.of("existingId", existing.id().toString()));
            });
            User user = users.insert(input.email().trim(), input.fullName() == null ? "" : input.fullName().trim(),
                    input.role(), timezone, null);
            CompoundToken token = CompoundToken.issue(INVITATION_KIND, actor.tenant(), UUID.randomUUID());
            Instant expires = clock.instant().plus(invitationLifetime);
            handle.createUpdate("""
                            insert into invitations (tenant_id, id, user_id, secret_hash, created_by, expires_at)
                            values (crm_current_tenant(), :id, :userId, :hash, :by, :expires)""")
                    .bind("id", token.id()).bind("userId", user.id()).bind("hash", token.secretHash())
                    .bind("by", actor.userId()).bind("expires", expires).execute();
            audit.record(actor, "user.invite", "user", user.id(),
                    Map.of("email", user.email(), "role", user.role().stored()));
            return new Invitation(user, publicUrl + "/invite/" + token.encoded(), expires, false);
        });
        boolean mailed = sender.send(invitation.user(), tenantName, invitation.link());
        return new Invitation(invitation.user(), invitation.link(), invitation.expiresAt(), mailed);
    }

    /** Sets the password from a one-time invitation link; the link cannot be used again. */
    public User acceptInvitation(String tokenText, String password) {
        CompoundToken token = CompoundToken.parse(INVITATION_KIND, tokenText)
                .orElseThrow(() -> CrmException.invalid("token", "is not a valid invitation"));
        new Violations().check(password != null && password.length() >= MIN_PASSWORD, "password",
                "must be at least " + MIN_PASSWORD + " characters").throwIfAny();
        return transactions.inTenant(token.tenant(), handle -> {
            Map<String, Object> row = handle.createQuery("""
                            select user_id, secret_hash, expires_at, used_at from invitations where id = :id for update""")
                    .bind("id", token.id()).mapToMap().findOne()
                    .filter(r -> token.matches((String) r.get("secret_hash")))
                    .orElseThrow(() -> CrmException.invalid("token", "is not a valid invitation"));
            if (row.get("used_at") != null) throw CrmException.invalid("token", "has already been used");
            if (((java.sql.Timestamp) row.get("expires_at")).toInstant().isBefore(clock.instant())) {
                throw CrmException.invalid("token", "has expired; ask your admin for a new invitation");
            }
            UUID userId = (UUID) row.get("user_id");
            handle.createUpdate("update invitations set used_at = now() where id = :id").bind("id", token.id()).execute();
            handle.createUpdate("update users set password_hash = :hash where id = :id")
                    .bind("hash", hasher.hash(password)).bind("id", userId).execute();
            User user = handle.attach(UserDao.class).find(userId).orElseThrow();
            audit.record(Actor.user(token.tenant(), userId, user.role()), "user.accept_invitation", "user", userId,
                    Map.of());
            return user;
        });
    }

    public User update(Actor actor, UUID id, UserChanges changes) {
        boolean self = id.equals(actor.userId());
        boolean adminOnlyChange = changes.role() != null || changes.active() != null;
        if (!self || adminOnlyChange) Permissions.requireAdmin(actor, "change other users, roles or access");
        if (self && Boolean.FALSE.equals(changes.active())) {
            throw CrmException.invalid("active", "you cannot deactivate yourself");
        }
        Violations violations = new Violations();
        if (changes.timezone() != null) checkTimezone(violations, changes.timezone());
        violations.throwIfAny();
        User updated = transactions.inTenant(actor.tenant(), handle -> {
            User before = handle.attach(UserDao.class).find(id).orElseThrow(() -> CrmException.notFound("User"));
            boolean losesAdmin = before.role() == Role.ADMIN && before.active()
                    && ((changes.role() != null && changes.role() != Role.ADMIN) || Boolean.FALSE.equals(changes.active()));
            if (losesAdmin) requireAnotherActiveAdmin(handle, id, changes.role() != null ? "role" : "active");
            Map<String, Object> diff = new LinkedHashMap<>();
            if (changes.fullName() != null) diff.put("fullName", List.of(before.fullName(), changes.fullName()));
            if (changes.role() != null) diff.put("role", List.of(before.role().stored(), changes.role().stored()));
            if (changes.timezone() != null) diff.put("timezone", List.of(before.timezone(), changes.timezone()));
            if (changes.active() != null) diff.put("active", List.of(before.active(), changes.active()));
            handle.createUpdate("""
                            update users set full_name = coalesce(:fullName, full_name), role = coalesce(:role, role),
                                   timezone = coalesce(:timezone, timezone), active = coalesce(:active, active)
                             where id = :id""")
                    .bind("fullName", changes.fullName()).bind("role", changes.role())
                    .bind("timezone", changes.timezone()).bind("active", changes.active()).bind("id", id).execute();
            if (Boolean.FALSE.equals(changes.active())) handle.attach(SessionDao.class).revokeAllOf(id);
            audit.record(actor, "user.update", "user", id, diff);
            return handle.attach(UserDao.class).find(id).orElseThrow();
        });
        if (changes.role() != null || Boolean.FALSE.equals(changes.active())) revocations.userSessionsRevoked(id);
        if (changes.timezone() != null) zoneChanges.zoneChanged(actor.tenant(), id);
        return updated;
    }

    /**
     * A tenant always keeps an active admin: otherwise nobody could manage its users again. Every change that
     * takes an admin away (a new role, deactivation, removal) asks here first. The tenant's active admins are
     * locked until the transaction ends, so two admins demoting each other at once cannot both succeed.
     */
    public static void requireAnotherActiveAdmin(Handle handle, UUID leaving, String field) {
        List<UUID> admins = handle.createQuery("select id from users where role = 'admin' and active order by id for update")
                .mapTo(UUID.class).list();
        if (admins.stream().noneMatch(admin -> !admin.equals(leaving))) {
            throw new CrmException(ErrorCode.CONFLICT, "This is the tenant's last active admin; make someone else an"
                    + " admin first", Map.of(field, "the last active admin cannot lose the admin role or be deactivated"));
        }
    }

    /** The actor's user record; fails if it no longer exists. */
    public User me(Actor actor) {
        if (actor.userId() == null) throw new CrmException(ErrorCode.NOT_FOUND, "This key is not bound to a user");
        return get(actor, actor.userId());
    }

    private static void checkTimezone(Violations violations, String timezone) {
        try {
            ZoneId.of(timezone);
        } catch (DateTimeException e) {
            violations.add("timezone", "must be an IANA time zone such as Europe/London");
        }
    }

}
