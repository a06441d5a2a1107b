package io.intelligencecrm.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.error.ErrorCode;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.json.Json;
import io.intelligencecrm.core.secret.KeyRing;
import io.intelligencecrm.core.tenant.Tenant;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.core.user.User;
import io.intelligencecrm.core.user.UserService;
import io.intelligencecrm.web.CrmApplication;
import io.intelligencecrm.web.auth.JwtCodec;
import io.intelligencecrm.web.testing.ApiClient;
import io.intelligencecrm.web.testing.DemoLogins;
import io.intelligencecrm.web.testing.OtherTenant;
import io.intelligencecrm.web.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who may do what, checked against the live role: API keys follow their owner's role, a tenant never
 * loses its last admin by any path, a token's every claim must match its session, viewers change nothing.
 */
class AccessControlTest {
    private static final String SIGNING_SECRET = "access-control-test-signing-secret-0123456789";
    private static final KeyRing.Key KEY = KeyRing.of(SIGNING_SECRET.getBytes(StandardCharsets.UTF_8))
            .active(JwtCodec.PURPOSE);
    private static CrmApplication application;

    @BeforeAll
    static void start() {
        application = TestServer.start(Map.of("CRM_JWT_SECRET", SIGNING_SECRET, "CRM_RATE_LIMIT_LOGIN_PER_MINUTE", "1000"));
    }

    @AfterAll
    static void stop() {
        application.stop();
    }

    @Test
    void an_api_key_never_acts_above_its_owners_current_role() {
        OtherTenant.create(application, "keys");
        ApiClient admin = OtherTenant.login(application, "keys", Role.ADMIN);
        String second = invite(admin, "second.admin@keys.example", "admin");
        ApiClient.Response created = admin.post("/api/api-keys", """
                {"name": "sync", "role": "admin", "userId": "%s"}""".formatted(second));
        assertEquals(201, created.status(), created.body());
        ApiClient key = admin.withBearer(created.json().path("secret").asText());
        assertEquals(200, key.get("/api/api-keys").status(), "an admin's admin key manages keys");

        assertEquals(200, admin.patch("/api/users/" + second, "{\"role\": \"rep\"}").status());
        assertEquals(403, key.get("/api/api-keys").status(), "the key was demoted with its owner");
        assertEquals(403, key.post("/api/users", "{\"email\": \"sneaky@keys.example\", \"role\": \"admin\"}").status());
        assertEquals(200, key.get("/api/contacts?limit=1").status(), "it still works as a rep");

        String rep = userId(admin, "rep@keys.example");
        ApiClient.Response above = admin.post("/api/api-keys", """
                {"name": "too strong", "role": "manager", "userId": "%s"}""".formatted(rep));
        assertEquals(400, above.status(), above.body());
        assertTrue(above.json().path("errors").has("role"), above.body());
        assertEquals(201, admin.post("/api/api-keys", """
                {"name": "as strong", "role": "rep", "userId": "%s"}""".formatted(rep)).status());
    }

    @Test
    void the_last_active_admin_cannot_be_demoted_or_deactivated_through_the_api_a_key_or_the_web_page() throws Exception {
        OtherTenant.create(application, "solo");
        ApiClient admin = OtherTenant.login(application, "solo", Role.ADMIN);
        String adminId = admin.get("/api/auth/me").json().path("id").asText();

        ApiClient.Response demoted = admin.patch("/api/users/" + adminId, "{\"role\": \"manager\"}");
        assertEquals(409, demoted.status(), demoted.body());
        assertEquals("application/problem+json", demoted.header("content-type").split(";")[0]);
        assertTrue(demoted.json().path("errors").has("role"), demoted.body());

        String secret = admin.post("/api/api-keys", "{\"name\": \"ops\", \"role\": \"admin\"}").json().path("secret").asText();
        assertEquals(409, admin.withBearer(secret).patch("/api/users/" + adminId, "{\"role\": \"rep\"}").status());

        BrowserSession browser = BrowserSession.signIn(application.url(), "solo", "admin@solo.example", OtherTenant.PASSWORD);
        HttpResponse<String> fromPage = browser.send("PATCH", "/api/users/" + adminId, "{\"role\": \"viewer\"}");
        assertEquals(409, fromPage.statusCode(), fromPage.body());

        assertEquals("admin", admin.get("/api/users/" + adminId).json().path("role").asText());
        assertTrue(admin.get("/api/users/" + adminId).json().path("active").asBoolean());
    }

    @Test
    void two_admins_taking_each_others_admin_role_at_once_leave_one_admin() throws Exception {
        for (int round = 1; round <= 3; round++) {
            Tenant duo = OtherTenant.create(application, "duo" + round);
            UserService users = application.services().users();
            Actor first = actor(duo, "admin@duo" + round + ".example");
            Actor second = actor(duo, "manager@duo" + round + ".example");
            users.update(first, second.userId(), new UserService.UserChanges(null, Role.ADMIN, null, null));
            Actor promoted = new Actor(duo.tenantId(), second.userId(), Role.ADMIN, Actor.Kind.USER, null);

            List<String> outcomes = Race.of(List.of(
                    () -> outcome(() -> users.update(first, promoted.userId(),
                            new UserService.UserChanges(null, null, null, false))),
                    () -> outcome(() -> users.update(promoted, first.userId(),
                            new UserService.UserChanges(null, Role.REP, null, null)))));
            assertEquals(1, outcomes.stream().filter("done"::equals).count(), outcomes.toString());
            assertTrue(outcomes.contains("conflict"), outcomes.toString());
            long admins = application.database().tenants().inTenant(duo.tenantId(), handle -> handle.createQuery(
                    "select count(*) from users where role = 'admin' and active").mapTo(Long.class).one());
            assertEquals(1, admins);
        }
    }

    private static Actor actor(Tenant tenant, String email) {
        User user = application.services().users().list(Actor.user(tenant.tenantId(), null, Role.ADMIN)).stream()
                .filter(candidate -> candidate.email().equals(email)).findFirst().orElseThrow();
        return Actor.user(tenant.tenantId(), user.id(), user.role());
    }

    private static String outcome(Runnable change) {
        try {
            change.run();
            return "done";
        } catch (CrmException e) {
            return e.code() == ErrorCode.CONFLICT ? "conflict" : e.getMessage();
        }
    }

    @Test
    void a_token_whose_tenant_user_or_role_claim_differs_from_its_session_is_refused() {
        Tenant other = OtherTenant.create(application, "bravo");
        ApiClient rep = DemoLogins.as(application, Role.REP);
        assertEquals(200, rep.get("/api/contacts?limit=1").status(), "the genuine token, now in the session cache");

        ObjectNode claims = claims(rep.bearer());
        ApiClient otherTenant = rep.withBearer(sign(claims.deepCopy().put("tid", other.id().toString())));
        assertEquals(401, otherTenant.get("/api/contacts?limit=1").status(), "a session of demo named as bravo's");
        ApiClient promoted = rep.withBearer(sign(claims.deepCopy().put("role", "admin")));
        assertEquals(401, promoted.get("/api/contacts?limit=1").status(), "a role the session's user does not have");
        ApiClient someoneElse = rep.withBearer(sign(claims.deepCopy().put("sub", userId(rep, "sam@demo.example"))));
        assertEquals(401, someoneElse.get("/api/contacts?limit=1").status(), "another user of the same tenant");
        assertEquals(200, rep.withBearer(sign(claims.deepCopy())).get("/api/contacts?limit=1").status(),
                "the same claims signed again are still good");

        // The algorithm and the header's rules are pinned, whatever key signed the token.
        String kid = ",\"kid\":\"" + KEY.id() + "\"";
        for (String[] header : new String[][] {{"{\"alg\":\"HS512\",\"typ\":\"JWT\"" + kid + "}", "HmacSHA512"},
                {"{\"alg\":\"HS384\",\"typ\":\"JWT\"" + kid + "}", "HmacSHA384"},
                {"{\"alg\":\"hs256\",\"typ\":\"JWT\"" + kid + "}", "HmacSHA256"},
                {"{\"alg\":\"HS256\",\"typ\":\"JWT\"" + kid + ",\"crit\":[\"exp\"]}", "HmacSHA256"},
                {"{\"alg\":\"HS256\",\"typ\":\"JWT\"" + kid + ",\"crit\":[\"x-unknown\"],\"x-unknown\":1}",
                        "HmacSHA256"}}) {
            assertEquals(401, rep.withBearer(sign(header[0], claims.deepCopy(), header[1])).get("/api/contacts?limit=1")
                    .status(), header[0]);
        }
        assertEquals(401, rep.withBearer(sign(claims.deepCopy().put("iss", "someone-else"))).get("/api/contacts?limit=1")
                .status(), "another issuer");
        assertEquals(401, rep.withBearer(sign(claims.deepCopy().put("exp", 1))).get("/api/contacts?limit=1").status(),
                "long expired");
    }

    @Test
    void viewers_can_be_invited_through_the_api_and_cannot_score() {
        JsonNode schemas = new ApiClient(application.url(), null).get("/api/openapi.json").json()
                .path("components").path("schemas");
        for (String schema : new String[] {"UserInvite", "UserChanges", "User", "ApiKeyInput", "ApiKey"}) {
            List<String> roles = new ArrayList<>();
            schemas.path(schema).path("properties").path("role").path("enum").forEach(role -> roles.add(role.asText()));
            for (Role role : Role.values()) assertTrue(roles.contains(role.stored()), schema + " role enum: " + roles);
        }
        ApiClient admin = DemoLogins.as(application, Role.ADMIN);
        ApiClient.Response invited = admin.post("/api/users", """
                {"email": "vic.viewer@demo.example", "fullName": "Vic Viewer", "role": "viewer"}""");
        assertEquals(201, invited.status(), invited.body());
        assertEquals("viewer", invited.json().path("user").path("role").asText(), invited.body());

        OtherTenant.create(application, "readers");
        ApiClient viewer = OtherTenant.login(application, "readers", Role.VIEWER);
        ApiClient manager = OtherTenant.login(application, "readers", Role.MANAGER);
        String contact = manager.post("/api/contacts", "{\"firstName\": \"Scored\", \"lastName\": \"Lead\"}").json()
                .path("id").asText();
        assertEquals(403, viewer.post("/api/contacts/" + contact + "/score", "{}").status());
        assertEquals(200, viewer.get("/api/contacts/" + contact + "/score").status(), "reading scores is fine");
        assertEquals(200, manager.post("/api/contacts/" + contact + "/score", "{}").status());
    }

    private static String invite(ApiClient admin, String email, String role) {
        ApiClient.Response invited = admin.post("/api/users", """
                {"email": "%s", "role": "%s"}""".formatted(email, role));
        assertEquals(201, invited.status(), invited.body());
        return invited.json().path("user").path("id").asText();
    }

    private static String userId(ApiClient client, String email) {
        for (JsonNode user : client.get("/api/users").json()) {
            if (user.path("email").asText().equals(email)) return user.path("id").asText();
        }
        throw new AssertionError("no user " + email);
    }

    private static ObjectNode claims(String token) {
        try {
            return (ObjectNode) Json.mapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An HS256 token over these claims with the server's own access-token key (derived from its signing
     * secret, named by its key id): what someone holding the key could forge.
     */
    private static String sign(ObjectNode claims) {
        return sign("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + KEY.id() + "\"}", claims, "HmacSHA256");
    }

    private static String sign(String header, ObjectNode claims, String macAlgorithm) {
        try {
            Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
            String input = base64.encodeToString(header.getBytes(StandardCharsets.UTF_8))
                    + "." + base64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
            Mac mac = Mac.getInstance(macAlgorithm);
            mac.init(new SecretKeySpec(KEY.bytes(), macAlgorithm));
            return input + "." + base64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The settings page's own way in: the session cookie of the login form and the page's CSRF token. */
    private record BrowserSession(String baseUrl, String cookie, String csrf) {
        private static final HttpClient HTTP = HttpClient.newHttpClient();

        static BrowserSession signIn(String baseUrl, String tenant, String email, String password) throws Exception {
            HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("tenant=" + tenant + "&email="
                            + email.replace("@", "%40") + "&password=" + password))
                    .build(), HttpResponse.BodyHandlers.ofString());
            String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("crm_session="))
                    .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + login.statusCode()))
                    .split(";")[0];
            HttpResponse<String> settings = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/settings"))
                    .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
            Matcher csrf = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"").matcher(settings.body());
            assertTrue(csrf.find(), "the settings page carries a CSRF token");
            return new BrowserSession(baseUrl, cookie, csrf.group(1));
        }

        HttpResponse<String> send(String method, String path, String json) throws Exception {
            return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Cookie", cookie)
                    .header("X-CSRF-Token", csrf).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
