package io.intelligencecrm.web.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.intelligencecrm.web.CrmApplication;
import io.intelligencecrm.web.testing.ApiClient;
import io.intelligencecrm.web.testing.OperatorCommand;
import io.intelligencecrm.web.testing.TestServer;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.JobKey;

/**
 * A company moves in: provisioned by command or by the operator API, it starts empty with its first admin,
 * invites its team by mail, keeps an admin, can be suspended and resumed, and is deleted without a trace.
 */
@Tag("slow")
class TenantLifecycleTest {
    private static final String OPERATOR = "operator-credential-of-the-hosting-provider-0123";
    private static final String PASSWORD = "a-long-enough-password";
    private static final Pattern LINK = Pattern.compile("/invite/(\\S+)");

    private static GreenMail mail;
    private static CrmApplication application;

    @BeforeAll
    static void start() {
        mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        application = TestServer.start(Map.of("CRM_OPERATOR_TOKEN", OPERATOR,
                "CRM_SMTP_HOST", "127.0.0.1", "CRM_SMTP_PORT", String.valueOf(mail.getSmtp().getPort()),
                "CRM_SMTP_SECURITY", "none", "CRM_MAIL_FROM", "crm@crm.test", "CRM_SIGNUP", "open"));
    }

    @AfterAll
    static void stop() {
        application.stop();
        mail.stop();
    }

    @Test
    void a_company_created_by_command_starts_empty_with_its_first_admin_and_settings() throws Exception {
        OperatorCommand.Result created = OperatorCommand.run(application, "tenant", "create", "--slug", "acme",
                "--name", "Acme Ltd", "--admin-email", "ana@acme.example", "--timezone", "Europe/Berlin",
                "--currency", "EUR");
        assertEquals(0, created.status(), created.output());
        ApiClient ana = acceptAndLogin(created.output(), "acme", "ana@acme.example");

        assertEquals(0, ana.get("/api/contacts").json().get("items").size(), "no demo data");
        JsonNode team = ana.get("/api/users").json();
        assertEquals(1, team.size());
        assertEquals("admin", team.get(0).get("role").asText());
        JsonNode settings = ana.get("/api/tenant").json();
        assertEquals("Acme Ltd", settings.get("name").asText());
        assertEquals("Europe/Berlin", settings.at("/settings/timezone").asText());
        assertEquals("EUR", settings.at("/settings/currency").asText());

        ApiClient.Response changed = ana.patch("/api/tenant", """
                {"locale": "de-DE", "workingDays": ["monday", "tuesday", "wednesday", "thursday"]}""");
        assertEquals(200, changed.status(), changed.body());
        assertEquals(4, changed.json().at("/settings/workingDays").size());
        ApiClient.Response refused = ana.patch("/api/tenant", """
                {"timezone": "Mars/Olympus", "currency": "XYZ1", "workingDays": ["someday"]}""");
        assertEquals(400, refused.status());
        assertTrue(refused.header("content-type").startsWith("application/problem+json"));
        for (String field : List.of("timezone", "currency", "workingDays")) {
            assertTrue(refused.json().at("/errors/" + field).isTextual(), refused.body());
        }
        assertEquals("Europe/Berlin", ana.get("/api/tenant").json().at("/settings/timezone").asText(), "nothing kept");

        assertEquals("Europe/Berlin", ana.get("/api/auth/me").json().get("timezone").asText(),
                "people work in the company's time zone unless they choose their own");
        ApiClient.Response workflow = ana.post("/api/workflows", """
                {"name": "Monday report", "activate": true, "definition": {"trigger": {"type": "cron", "cron": "0 0 9 ? * MON"},
                 "steps": [{"id": "n", "type": "notify", "title": "Week ahead"}]}}""");
        assertEquals(201, workflow.status(), workflow.body());
        String tenant = application.database().ownerJdbi().withHandle(handle -> handle.createQuery(
                "select id::text from tenants where slug = 'acme'").mapTo(String.class).one());
        JobKey job = new JobKey("workflow-" + workflow.json().get("id").asText(), "tenant-" + tenant);
        CronTrigger trigger = (CronTrigger) application.scheduler().quartz().getTriggersOfJob(job).getFirst();
        assertEquals("Europe/Berlin", trigger.getTimeZone().getID(), "nine o'clock in Berlin, not in UTC");
        ApiClient.Response moved = ana.send("PUT", "/api/tenant", "{\"timezone\": \"America/New_York\"}",
                "application/json");
        assertEquals(200, moved.status(), moved.body());
        assertEquals("EUR", moved.json().at("/settings/currency").asText(), "PUT keeps the fields it leaves out");
        trigger = (CronTrigger) application.scheduler().quartz().getTriggersOfJob(job).getFirst();
        assertEquals("America/New_York", trigger.getTimeZone().getID(),
                "the admin has no zone of their own, so their workflow moves with the company's");
        ApiClient.Response unknown = ana.patch("/api/tenant", "{\"colour\": \"red\"}");
        assertEquals(400, unknown.status(), unknown.body());
        assertTrue(unknown.json().at("/errors/colour").isTextual(), unknown.body());

        ApiClient.Response imported = ana.postRaw("/api/contacts/import",
                "First name,Last name,Email,Company\nMia,Wong,mia@kunde.example,Kunde GmbH\n", "text/csv");
        assertEquals(200, imported.status(), imported.body());
        assertEquals(200, ana.post("/api/chat", "{\"message\": \"add Leo Park from Kunde GmbH, leo@kunde.example\"}")
                .status());
        JsonNode contacts = ana.get("/api/contacts").json().get("items");
        assertEquals(2, contacts.size(), "its own two contacts and nothing of the demo's: " + contacts);

        OperatorCommand.Result list = OperatorCommand.run(application, "tenant", "list");
        assertTrue(list.output().lines().anyMatch(line -> line.startsWith("acme ") && line.contains("active")),
                list.output());
    }

    @Test
    void slugs_are_checked_and_reserved_or_taken_ones_refused() {
        OperatorCommand.Result reserved = OperatorCommand.run(application, "tenant", "create", "--slug", "admin",
                "--name", "Admin", "--admin-email", "a@admin.example");
        assertEquals(1, reserved.status());
        assertTrue(reserved.output().contains("slug: is reserved"), reserved.output());
        OperatorCommand.Result malformed = OperatorCommand.run(application, "tenant", "create", "--slug", "Not A Slug!",
                "--name", "", "--admin-email", "nobody");
        assertEquals(1, malformed.status());
        for (String field : List.of("slug:", "name:", "adminEmail:")) {
            assertTrue(malformed.output().contains(field), malformed.output());
        }
        ApiClient operator = new ApiClient(application.url(), OPERATOR);
        String hooli = """
                {"slug": "hooli", "name": "Hooli", "adminEmail": "gavin@hooli.example"}""";
        assertEquals(201, operator.post("/operator/tenants", hooli).status());
        ApiClient.Response taken = operator.post("/operator/tenants", hooli);
        assertEquals(409, taken.status(), taken.body());
        assertTrue(taken.json().at("/errors/slug").isTextual(), taken.body());
    }

    @Test
    void the_team_is_invited_by_mail_for_every_role_and_invitations_are_resent_and_revoked() throws Exception {
        ApiClient operator = new ApiClient(application.url(), OPERATOR);
        ApiClient.Response provisioned = operator.post("/operator/tenants", """
                {"slug": "globex", "name": "Globex", "adminEmail": "hank@globex.example", "adminName": "Hank"}""");
        assertEquals(201, provisioned.status(), provisioned.body());
        assertEquals(0, provisioned.json().at("/tenant/contacts").asInt());
        ApiClient hank = acceptAndLogin(provisioned.json().at("/admin/link").asText(), "globex", "hank@globex.example");
        assertTrue(mailTo("hank@globex.example").contains(provisioned.json().at("/admin/link").asText()),
                "the first admin's link is mailed too");

        Map<String, String> links = new java.util.HashMap<>();
        for (String role : List.of("admin", "manager", "rep", "viewer")) {
            String email = role + "@globex.example";
            ApiClient.Response invited = hank.post("/api/users", """
                    {"email": "%s", "fullName": "The %s", "role": "%s"}""".formatted(email, role, role));
            assertEquals(201, invited.status(), invited.body());
            assertTrue(invited.json().get("mailed").asBoolean(), "sent through SMTP");
            links.put(role, invited.json().get("link").asText());
            assertTrue(mailTo(email).contains(invited.json().get("link").asText()), "the mail carries the link");
        }
        JsonNode pending = hank.get("/api/invitations").json();
        assertEquals(4, pending.size(), pending.toString());

        String viewerId = userId(hank, "viewer@globex.example");
        ApiClient.Response resent = hank.post("/api/users/" + viewerId + "/invitation", "{}");
        assertEquals(200, resent.status(), resent.body());
        assertEquals(400, accept(links.get("viewer")).status(), "the earlier link stopped working");
        assertEquals(200, accept(resent.json().get("link").asText()).status());
        ApiClient viewer = ApiClient.login(application.url(), "globex", "viewer@globex.example", PASSWORD);
        assertEquals(403, viewer.post("/api/contacts", "{\"firstName\": \"No\", \"lastName\": \"Way\"}").status());

        String repId = userId(hank, "rep@globex.example");
        assertEquals(204, hank.delete("/api/users/" + repId + "/invitation").status());
        ApiClient.Response withdrawn = accept(links.get("rep"));
        assertEquals(400, withdrawn.status());
        assertTrue(withdrawn.body().contains("withdrawn"), withdrawn.body());
        assertEquals(2, hank.get("/api/invitations").json().size(), "admin and manager still pending");
        assertEquals(403, viewer.get("/api/invitations").status(), "admins only");

        assertEquals(401, new ApiClient(application.url(), hank.bearer()).get("/operator/tenants").status(),
                "a tenant's admin is not the operator");
    }

    @Test
    void the_last_active_admin_cannot_be_demoted_or_deactivated() {
        ApiClient operator = new ApiClient(application.url(), OPERATOR);
        ApiClient.Response provisioned = operator.post("/operator/tenants", """
                {"slug": "initech", "name": "Initech", "adminEmail": "bill@initech.example"}""");
        ApiClient bill = acceptAndLogin(provisioned.json().at("/admin/link").asText(), "initech", "bill@initech.example");
        String billId = bill.get("/api/auth/me").json().get("id").asText();
        ApiClient.Response demoted = bill.patch("/api/users/" + billId, "{\"role\": \"rep\"}");
        assertEquals(409, demoted.status(), demoted.body());
        assertTrue(demoted.json().at("/errors/role").isTextual(), demoted.body());

        ApiClient.Response invited = bill.post("/api/users", """
                {"email": "peter@initech.example", "role": "admin"}""");
        ApiClient peter = acceptAndLogin(invited.json().get("link").asText(), "initech", "peter@initech.example");
        assertEquals(200, bill.patch("/api/users/" + billId, "{\"role\": \"manager\"}").status(),
                "another active admin remains");
        String peterId = peter.get("/api/auth/me").json().get("id").asText();
        assertEquals(409, peter.patch("/api/users/" + peterId, "{\"role\": \"rep\"}").status(), "now Peter is the last");
    }

    @Test
    void a_suspended_company_cannot_sign_in_or_use_its_keys_until_resumed() throws Exception {
        OperatorCommand.Result created = OperatorCommand.run(application, "tenant", "create", "--slug", "umbrella",
                "--name", "Umbrella", "--admin-email", "alice@umbrella.example");
        ApiClient alice = acceptAndLogin(created.output(), "umbrella", "alice@umbrella.example");
        String key = alice.post("/api/api-keys", "{\"name\": \"script\", \"role\": \"rep\"}").json().get("secret").asText();
        ApiClient script = new ApiClient(application.url(), key);
        assertEquals(200, script.get("/api/contacts").status());

        ApiClient operator = new ApiClient(application.url(), OPERATOR);
        ApiClient.Response suspended = operator.post("/operator/tenants/umbrella/suspend", "");
        assertEquals(200, suspended.status(), suspended.body());
        assertTrue(suspended.json().get("suspended").asBoolean());
        assertEquals(401, script.get("/api/contacts").status(), "its API keys stop at once");
        ApiClient.Response login = login("umbrella", "alice@umbrella.example");
        assertEquals(403, login.status(), login.body());
        assertTrue(login.body().contains("suspended"), login.body());
        assertEquals(401, login("umbrella", "alice@umbrella.example", "a wrong password").status(),
                "without the password nobody learns more");

        assertEquals(0, OperatorCommand.run(application, "tenant", "resume", "umbrella").status());
        assertEquals(200, login("umbrella", "alice@umbrella.example").status());
        assertEquals(200, script.get("/api/contacts").status());
    }

    @Test
    void a_company_signs_up_by_itself_once_its_address_is_confirmed() throws Exception {
        ApiClient visitor = new ApiClient(application.url(), null);
        assertTrue(visitor.get("/signup").body().contains("Sign up"));
        ApiClient.Response refused = visitor.post("/api/signup", """
                {"name": "", "slug": "www", "adminEmail": "not-an-address"}""");
        assertEquals(400, refused.status());
        for (String field : List.of("name", "slug", "adminEmail")) {
            assertTrue(refused.json().at("/errors/" + field).isTextual(), refused.body());
        }
        String stark = """
                {"name": "Stark Industries", "slug": "stark", "adminName": "Pepper", "adminEmail": "pepper@stark.example"}""";
        assertEquals(202, visitor.post("/api/signup", stark).status());
        assertEquals(409, visitor.post("/api/signup", stark).status(), "the workspace is held for the pending sign-up");
        assertTrue(OperatorCommand.run(application, "tenant", "list").output().lines()
                .noneMatch(line -> line.startsWith("stark ")), "nothing exists before the address is confirmed");

        Matcher confirmation = Pattern.compile("/signup/confirm/(\\S+)").matcher(mailTo("pepper@stark.example"));
        assertTrue(confirmation.find());
        ApiClient.Response confirmed = visitor.get("/signup/confirm/" + confirmation.group(1));
        assertEquals(302, confirmed.status(), confirmed.body());
        String invitation = confirmed.header("location");
        assertTrue(invitation.startsWith("/invite/"), invitation);
        assertEquals(400, visitor.get("/signup/confirm/" + confirmation.group(1)).status(), "the link works once");
        ApiClient pepper = acceptAndLogin(invitation, "stark", "pepper@stark.example");
        assertEquals(0, pepper.get("/api/contacts").json().get("items").size());
        assertEquals("admin", pepper.get("/api/auth/me").json().get("role").asText());
    }

    private static ApiClient acceptAndLogin(String textWithLink, String tenant, String email) {
        ApiClient.Response accepted = accept(textWithLink);
        assertEquals(200, accepted.status(), accepted.body());
        return ApiClient.login(application.url(), tenant, email, PASSWORD);
    }

    static ApiClient.Response accept(String textWithLink) {
        Matcher link = LINK.matcher(textWithLink);
        assertTrue(link.find(), textWithLink);
        return new ApiClient(application.url(), null).post("/api/invitations/accept", """
                {"token": "%s", "password": "%s"}""".formatted(link.group(1), PASSWORD));
    }

    private static ApiClient.Response login(String tenant, String email) {
        return login(tenant, email, PASSWORD);
    }

    private static ApiClient.Response login(String tenant, String email, String password) {
        return new ApiClient(application.url(), null).post("/api/auth/login", """
                {"tenant": "%s", "email": "%s", "password": "%s"}""".formatted(tenant, email, password));
    }

    private static String userId(ApiClient admin, String email) {
        for (JsonNode user : admin.get("/api/users").json()) {
            if (user.get("email").asText().equals(email)) return user.get("id").asText();
        }
        throw new AssertionError("no user " + email);
    }

    /** The body of the newest mail to the address (SMTP delivery is synchronous for invitations). */
    private static String mailTo(String address) throws Exception {
        MimeMessage[] received = mail.getReceivedMessagesForDomain(address);
        assertFalse(received.length == 0, "a mail to " + address);
        return (String) Arrays.asList(received).getLast().getContent();
    }
}
