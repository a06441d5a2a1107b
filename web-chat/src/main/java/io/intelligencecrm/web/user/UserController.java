package io.intelligencecrm.web.user;

import io.intelligencecrm.core.audit.AuditQuery;
import io.intelligencecrm.core.db.StoredEnum;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.identity.ApiKeyService;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.core.user.UserService;
import io.intelligencecrm.web.api.ApiRoutes;
import io.intelligencecrm.web.auth.CurrentActor;
import io.intelligencecrm.web.http.QueryParams;
import io.intelligencecrm.web.http.Requests;
import io.javalin.http.Context;
import java.util.Map;
import java.util.UUID;

/** The team, API keys and the audit trail: the tenant's administration. */
public final class UserController {
    private final UserService users;
    private final ApiKeyService apiKeys;
    private final AuditQuery audit;

    public UserController(UserService users, ApiKeyService apiKeys, AuditQuery audit) {
        this.users = users;
        this.apiKeys = apiKeys;
        this.audit = audit;
    }

    public void routes(ApiRoutes api) {
        api.get("/api/users", this::list).doc("users", "The tenant's users").returns("User[]");
        api.post("/api/users", this::invite).doc("users", "Invite a user (admins)")
                .description("Creates the user and a one-time set-password link, mailed when mail is configured "
                        + "and always returned to the admin.")
                .body("UserInvite").returns(201, "Invitation");
        api.get("/api/users/{id}", this::get).doc("users", "A user").returns("User");
        api.patch("/api/users/{id}", this::update).doc("users", "Change name or time zone (self), role or access (admins)")
                .body("UserChanges").returns("User");
        api.get("/api/api-keys", this::listKeys).doc("api-keys", "API keys, without their secrets (admins)")
                .returns("ApiKey[]");
        api.post("/api/api-keys", this::createKey).doc("api-keys", "Create an API key; its secret is shown once (admins)")
                .body("ApiKeyInput").returns(201, "CreatedApiKey");
        api.delete("/api/api-keys/{id}", this::revokeKey).doc("api-keys", "Revoke an API key (admins)").returns(204, null);
        api.get("/api/audit", this::audit).doc("audit", "The audit trail, newest first (managers, admins)")
                .query("entityType", "string", "contact, company, deal, interaction, user, ...")
                .query("entityId", "uuid", "one record's history").query("beforeId", "integer", "page back in time")
                .query("limit", "integer", "at most 200").returns("AuditEntry[]");
    }

    void list(Context ctx) {
        ctx.json(users.list(CurrentActor.of(ctx)));
    }

    void get(Context ctx) {
        ctx.json(users.get(CurrentActor.of(ctx), Requests.id(ctx, "id", "User")));
    }

    void invite(Context ctx) {
        Map<String, Object> body = Requests.jsonObject(ctx);
        ctx.status(201).json(users.invite(CurrentActor.of(ctx), new UserService.NewUser(text(body, "email"),
                text(body, "fullName"), role(body), text(body, "timezone"))));
    }

    void update(Context ctx) {
        Map<String, Object> body = Requests.jsonObject(ctx);
        Object active = body.get("active");
        if (active != null && !(active instanceof Boolean)) throw CrmException.invalid("active", "must be true or false");
        ctx.json(users.update(CurrentActor.of(ctx), Requests.id(ctx, "id", "User"), new UserService.UserChanges(
                text(body, "fullName"), body.containsKey("role") ? role(body) : null, text(body, "timezone"),
                (Boolean) active)));
    }

    void listKeys(Context ctx) {
        ctx.json(apiKeys.list(CurrentActor.of(ctx)));
    }

    void createKey(Context ctx) {
        Map<String, Object> body = Requests.jsonObject(ctx);
        UUID actsAs = null;
        if (body.get("userId") != null) {
            try {
                actsAs = UUID.fromString(body.get("userId").toString());
            } catch (IllegalArgumentException e) {
                throw CrmException.invalid("userId", "must be a user id");
            }
        }
        ApiKeyService.CreatedKey created = apiKeys.create(CurrentActor.of(ctx), text(body, "name"), role(body), actsAs);
        ctx.status(201).json(Map.of("key", created.key(), "secret", created.secret()));
    }

    void revokeKey(Context ctx) {
        apiKeys.revoke(CurrentActor.of(ctx), Requests.id(ctx, "id", "API key"));
        ctx.status(204);
    }

    void audit(Context ctx) {
        QueryParams params = new QueryParams(ctx);
        String entityType = params.text("entityType");
        UUID entityId = params.uuid("entityId");
        Integer beforeId = params.integer("beforeId");
        Integer limit = params.integer("limit");
        params.validate();
        ctx.json(audit.list(CurrentActor.of(ctx), entityType, entityId, beforeId == null ? null : beforeId.longValue(),
                limit == null ? 50 : limit));
    }

    private static String text(Map<String, Object> body, String field) {
        Object value = body.get(field);
        return value == null ? null : value.toString();
    }

    private static Role role(Map<String, Object> body) {
        Object value = body.get("role");
        if (value == null) throw CrmException.invalid("role", "is required: admin, manager, rep or viewer");
        try {
            return StoredEnum.parse(Role.class, value.toString());
        } catch (IllegalArgumentException e) {
            throw CrmException.invalid("role", "must be admin, manager, rep or viewer");
        }
    }
}
