package io.intelligencecrm.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.intelligencecrm.core.json.Json;
import io.intelligencecrm.core.secret.KeyRing;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.web.CrmApplication;
import io.intelligencecrm.web.testing.ApiClient;
import io.intelligencecrm.web.testing.CrmApplicationTest;
import io.intelligencecrm.web.testing.DemoLogins;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@CrmApplicationTest
class AuthenticationTest {
    private static CrmApplication application;
    private static ApiClient anonymous;

    @BeforeAll
    static void start(CrmApplication started) {
        application = started;
        anonymous = new ApiClient(application.url(), null);
    }

    private static ApiClient.Response login(String tenant, String email, String password) {
        return anonymous.post("/api/auth/login", """
                {"tenant": "%s", "email": "%s", "password": "%s"}""".formatted(tenant, email, password));
    }

    @Test
    void login_returns_access_and_refresh_tokens_and_the_user() {
        ApiClient.Response response = login("demo", "jordan@demo.example", "demo-rep-pass");
        assertEquals(200, response.status(), response.body());
        JsonNode body = response.json();
        assertEquals("Bearer", body.get("tokenType").asText());
        assertTrue(body.get("refreshToken").asText().startsWith("crt_"));
        assertEquals("rep", body.at("/user/role").asText());
        assertEquals(200, anonymous.withBearer(body.get("accessToken").asText()).get("/api/auth/me").status());
    }

    @Test
    void the_tenant_can_be_named_by_domain_too() {
        assertEquals(200, login("demo.example", "sam@demo.example", "demo-manager-pass").status());
    }

    @Test
    void every_login_failure_looks_the_same() {
        ApiClient.Response wrongPassword = login("demo", "jordan@demo.example", "nope");
        ApiClient.Response unknownUser = login("demo", "nobody@demo.example", "demo-rep-pass");
        ApiClient.Response unknownTenant = login("nowhere", "jordan@demo.example", "demo-rep-pass");
        for (ApiClient.Response response : java.util.List.of(wrongPassword, unknownUser, unknownTenant)) {
            assertEquals(401, response.status());
            assertEquals("Invalid tenant, email or password", response.json().get("detail").asText());
            assertEquals("application/problem+json", response.header("content-type").split(";")[0]);
        }
    }

    @Test
    void requests_without_a_token_are_refused() {
        ApiClient.Response response = anonymous.get("/api/contacts");
        assertEquals(401, response.status());
        assertNotNull(response.header("WWW-Authenticate"));
    }

    @Test
    void a_token_with_alg_none_is_refused() {
        String token = DemoLogins.as(application, Role.ADMIN).bearer();
        String[] parts = token.split("\\.");
        String header = encode("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        assertEquals(401, anonymous.withBearer(header + "." + parts[1] + ".").get("/api/contacts").status());
        assertEquals(401, anonymous.withBearer(header + "." + parts[1] + "." + parts[2]).get("/api/contacts").status());
    }

    @Test
    void a_token_signed_with_another_key_is_refused() {
        String token = DemoLogins.as(application, Role.ADMIN).bearer();
        JsonNode claims = decode(token.split("\\.")[1]);
        JwtCodec forger = new JwtCodec(KeyRing.of("another-secret-another-secret-123".getBytes(StandardCharsets.UTF_8)),
                claims.get("iss").asText(), claims.get("aud").asText(), Clock.systemUTC());
        ObjectNode forged = ((ObjectNode) claims.deepCopy()).put("role", "admin");
        assertEquals(401, anonymous.withBearer(forger.sign(forged, Duration.ofMinutes(5))).get("/api/contacts").status());
    }

    @Test
    void a_tampered_payload_is_refused() {
        String token = DemoLogins.as(application, Role.REP).bearer();
        String[] parts = token.split("\\.");
        ObjectNode claims = (ObjectNode) decode(parts[1]);
        claims.put("role", "admin");
        String tampered = parts[0] + "." + encode(claims.toString()) + "." + parts[2];
        assertEquals(401, anonymous.withBearer(tampered).get("/api/contacts").status());
    }

    @Test
    void an_expired_token_is_refused() {
        String token = DemoLogins.as(application, Role.ADMIN).bearer();
        JsonNode claims = decode(token.split("\\.")[1]);
        KeyRing secret = SigningSecret.load(application.settings().auth(), application.settings().database().dataDir());
        Clock anHourAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC);
        JwtCodec past = new JwtCodec(secret, claims.get("iss").asText(), claims.get("aud").asText(), anHourAgo);
        String expired = past.sign((ObjectNode) claims.deepCopy(), Duration.ofMinutes(15));
        JwtCodec now = new JwtCodec(secret, claims.get("iss").asText(), claims.get("aud").asText(), Clock.systemUTC());
        assertTrue(now.verify(past.sign((ObjectNode) claims.deepCopy(), Duration.ofHours(2))).isPresent(),
                "same key and claims verify while not expired");
        assertEquals(401, anonymous.withBearer(expired).get("/api/contacts").status());
    }

    @Test
    void a_token_for_another_audience_is_refused() {
        String token = DemoLogins.as(application, Role.ADMIN).bearer();
        JsonNode claims = decode(token.split("\\.")[1]);
        KeyRing secret = SigningSecret.load(application.settings().auth(), application.settings().database().dataDir());
        JwtCodec foreign = new JwtCodec(secret, claims.get("iss").asText(), "some-other-service", Clock.systemUTC());
        assertEquals(401, anonymous.withBearer(foreign.sign((ObjectNode) claims.deepCopy(), Duration.ofMinutes(5)))
                .get("/api/contacts").status());
    }

    @Test
    void logout_revokes_the_access_token_at_once() {
        ApiClient client = DemoLogins.as(application, Role.MANAGER);
        assertEquals(200, client.get("/api/contacts?limit=1").status());
        assertEquals(204, client.post("/api/auth/logout", "{}").status());
        assertEquals(401, client.get("/api/contacts?limit=1").status());
    }

    @Test
    void refresh_tokens_rotate_and_a_reused_one_revokes_the_session() {
        JsonNode first = login("demo", "alex@demo.example", "demo-admin-pass").json();
        String refresh = first.get("refreshToken").asText();
        ApiClient.Response rotated = anonymous.post("/api/auth/refresh", "{\"refreshToken\": \"" + refresh + "\"}");
        assertEquals(200, rotated.status(), rotated.body());
        String next = rotated.json().get("refreshToken").asText();
        String newAccess = rotated.json().get("accessToken").asText();
        assertEquals(200, anonymous.withBearer(newAccess).get("/api/auth/me").status());

        ApiClient.Response replay = anonymous.post("/api/auth/refresh", "{\"refreshToken\": \"" + refresh + "\"}");
        assertEquals(401, replay.status());
        assertEquals(401, anonymous.post("/api/auth/refresh", "{\"refreshToken\": \"" + next + "\"}").status(),
                "the whole session was revoked by the replay");
        assertEquals(401, anonymous.withBearer(newAccess).get("/api/auth/me").status());
    }

    @Test
    void api_keys_authenticate_with_their_role_until_revoked() {
        ApiClient admin = DemoLogins.as(application, Role.ADMIN);
        ApiClient.Response created = admin.post("/api/api-keys", "{\"name\": \"Zapier\", \"role\": \"rep\"}");
        assertEquals(201, created.status(), created.body());
        String secret = created.json().get("secret").asText();
        String id = created.json().at("/key/id").asText();
        ApiClient bot = anonymous.withBearer(secret);
        assertEquals(200, bot.get("/api/contacts?limit=1").status());
        assertEquals(403, bot.get("/api/contacts/export.csv").status(), "the key has the rep role");
        ApiClient.Response listed = admin.get("/api/api-keys");
        assertTrue(listed.body().contains("Zapier") && !listed.body().contains(secret), "listed without the secret");
        assertEquals(204, admin.delete("/api/api-keys/" + id).status());
        assertEquals(401, bot.get("/api/contacts?limit=1").status());
        assertEquals(401, anonymous.withBearer(secret.substring(0, secret.length() - 2) + "xx").get("/api/contacts").status());
    }

    @Test
    void an_invited_user_sets_a_password_once_and_signs_in() {
        ApiClient admin = DemoLogins.as(application, Role.ADMIN);
        ApiClient.Response invited = admin.post("/api/users",
                "{\"email\": \"casey@demo.example\", \"fullName\": \"Casey New\", \"role\": \"rep\"}");
        assertEquals(201, invited.status(), invited.body());
        String link = invited.json().get("link").asText();
        String token = link.substring(link.lastIndexOf('/') + 1);
        assertEquals(400, anonymous.post("/api/invitations/accept",
                "{\"token\": \"" + token + "\", \"password\": \"short\"}").status());
        assertEquals(200, anonymous.post("/api/invitations/accept",
                "{\"token\": \"" + token + "\", \"password\": \"a-long-enough-password\"}").status());
        assertEquals(400, anonymous.post("/api/invitations/accept",
                "{\"token\": \"" + token + "\", \"password\": \"another-long-password\"}").status(), "used once");
        assertEquals(200, login("demo", "casey@demo.example", "a-long-enough-password").status());
    }

    @Test
    void a_deactivated_user_loses_access_immediately() {
        ApiClient admin = DemoLogins.as(application, Role.ADMIN);
        admin.post("/api/users", "{\"email\": \"temp@demo.example\", \"role\": \"rep\"}");
        String link = admin.get("/api/users").json().findValues("email").toString();
        assertTrue(link.contains("temp@demo.example"));
        String id = null;
        for (JsonNode user : admin.get("/api/users").json()) {
            if (user.get("email").asText().equals("temp@demo.example")) id = user.get("id").asText();
        }
        ApiClient.Response deactivated = admin.patch("/api/users/" + id, "{\"active\": false}");
        assertEquals(200, deactivated.status(), deactivated.body());
        assertEquals(false, deactivated.json().get("active").asBoolean());
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode decode(String part) {
        try {
            return Json.mapper().readTree(Base64.getUrlDecoder().decode(part));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
