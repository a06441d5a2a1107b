package io.intelligencecrm.web.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.web.CrmApplication;
import io.intelligencecrm.web.testing.DemoLogins;
import io.intelligencecrm.web.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("slow")
class BrowserSecurityTest {
    private static final String SCRIPT = "<script>window.__pwned='name'</script>";
    private static final String IMAGE = "<img src=x onerror=\"window.__pwned='note'\">";

    @Test
    void every_page_carries_a_strict_content_security_policy() throws Exception {
        Page page = BrowserApp.signedIn(Role.REP);
        for (String path : new String[] {"/", "/contacts", "/deals", "/dashboard", "/import", "/login"}) {
            var response = page.navigate(path);
            String policy = response.headers().get("content-security-policy");
            assertTrue(policy.contains("script-src 'self'") && policy.contains("default-src 'self'")
                    && policy.contains("object-src 'none'") && policy.contains("frame-ancestors 'none'"), path + ": " + policy);
            assertFalse(policy.contains("unsafe-inline") || policy.contains("unsafe-eval"), path + ": " + policy);
        }
        var cookie = page.context().cookies().stream().filter(c -> c.name.equals("crm_session")).findFirst().orElseThrow();
        assertTrue(cookie.httpOnly);
        assertEquals(com.microsoft.playwright.options.SameSiteAttribute.LAX, cookie.sameSite);
    }

    @Test
    void hostile_contact_names_and_notes_render_as_text() {
        var manager = DemoLogins.as(BrowserApp.get(), Role.MANAGER);
        var created = manager.post("/api/contacts", """
                {"firstName": "%s", "lastName": "Hostile", "title": "%s", "email": "hostile@xss.example"}"""
                .formatted(SCRIPT.replace("\"", "\\\""), IMAGE.replace("\"", "\\\""))).json();
        String id = created.path("id").asText();
        manager.post("/api/interactions", """
                {"contactId": "%s", "type": "note", "content": "%s [x](javascript:alert(1))"}"""
                .formatted(id, IMAGE.replace("\"", "\\\"")));

        Page page = BrowserApp.signedIn(Role.MANAGER);
        page.navigate("/contacts/" + id);
        assertThat(page.locator("h1")).containsText("<script>");
        assertThat(page.locator(".timeline .body")).containsText("<img src=x");
        assertEquals(0, page.locator("main img").count());
        page.navigate("/contacts?q=Hostile");
        assertThat(page.locator("#contacts")).containsText("<script>");
        assertNull(page.evaluate("window.__pwned"));
    }

    @Test
    void csv_cells_with_markup_stay_text_in_the_preview_and_the_list() throws Exception {
        Path csv = Files.createTempFile("hostile", ".csv");
        Files.writeString(csv, "email,first name,last name\n"
                + "csv.hostile@xss.example,\"" + IMAGE.replace("\"", "\"\"") + "\",Csv\n"
                + "\"" + SCRIPT + "\",Bad,Row\n");
        Page page = BrowserApp.signedIn(Role.MANAGER);
        page.navigate("/import");
        page.getByLabel("CSV file").setInputFiles(csv);
        assertThat(page.locator("#mapping tr")).hasCount(3);
        page.getByText("Preview (dry run)").click();
        assertThat(page.locator("#rejected-count")).hasText("1");
        assertThat(page.locator("#created")).hasText("1");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Import").setExact(true)).click();
        assertThat(page.locator("#report-title")).hasText("Imported");
        page.navigate("/contacts?q=csv.hostile");
        assertThat(page.locator("#contacts")).containsText("<img src=x");
        assertEquals(0, page.locator("main img").count());
        assertNull(page.evaluate("window.__pwned"));
    }

    @Test
    void model_replies_cannot_run_script_link_to_javascript_or_load_remote_images() {
        CrmApplication hostile = TestServer.start(Map.of(), new HostileModel());
        try {
            Page page = BrowserApp.signedIn(hostile, Role.REP, Chromium.DESKTOP_WIDTH);
            java.util.List<String> requested = new java.util.concurrent.CopyOnWriteArrayList<>();
            page.onRequest(request -> requested.add(request.url()));
            ChatPageTest.send(page, "what is my pipeline?");
            assertInert(page, requested);
            page.reload();
            assertThat(page.locator(".msg.ai")).containsText("bold stays");
            assertInert(page, requested);
        } finally {
            hostile.stop();
        }
    }

    private static String sessionCookie(Page page) {
        return page.context().cookies().stream().filter(c -> c.name.equals("crm_session"))
                .map(c -> c.name + "=" + c.value).findFirst().orElseThrow();
    }

    private static void assertInert(Page page, java.util.List<String> requested) {
        var answer = page.locator(".msg.ai").last();
        assertThat(answer.locator("strong")).hasText("bold stays");
        assertEquals(0, answer.locator("img, script").count());
        assertEquals(0, answer.locator("a[href^='javascript']").count());
        assertThat(answer.locator("a[href='https://example.com/docs']")).hasAttribute("rel", java.util.regex.Pattern.compile(".*noopener.*"));
        assertNull(page.evaluate("window.__pwned"));
        assertTrue(requested.stream().noneMatch(url -> url.contains("attacker.example")), requested.toString());
    }

    @Test
    void a_websocket_from_a_foreign_origin_is_refused_even_with_the_session_cookie() {
        Page page = BrowserApp.signedIn(Role.REP);
        String cookie = sessionCookie(page);
        String url = BrowserApp.get().url().replaceFirst("^http", "ws");
        for (String path : new String[] {"/ws/chat", "/ws/live"}) {
            var failure = assertThrows(CompletionException.class, () -> HttpClient.newHttpClient().newWebSocketBuilder()
                    .header("Cookie", cookie).header("Origin", "http://evil.example")
                    .buildAsync(URI.create(url + path), new WebSocket.Listener() { }).join());
            assertEquals(403, ((java.net.http.WebSocketHandshakeException) failure.getCause()).getResponse().statusCode());
        }
        WebSocket own = HttpClient.newHttpClient().newWebSocketBuilder().header("Cookie", cookie)
                .header("Origin", BrowserApp.get().url()).subprotocols("crm.v1")
                .buildAsync(URI.create(url + "/ws/live"), new WebSocket.Listener() { }).join();
        own.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }

    @Test
    void a_login_form_posted_from_another_site_is_refused() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(BrowserApp.get().url() + "/login")).header("Origin", "http://evil.example")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("tenant=demo&email=sam%40demo.example&password=demo-manager-pass"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, response.statusCode());
        assertTrue(response.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("crm_session=")));
    }

    @Test
    void the_api_refuses_a_cookie_without_the_csrf_token() throws Exception {
        Page page = BrowserApp.signedIn(Role.MANAGER);
        String cookie = sessionCookie(page);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(BrowserApp.get().url() + "/api/contacts")).header("Cookie", cookie)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"lastName\": \"Forged\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, response.statusCode());
    }

    @Test
    void a_signed_in_login_page_never_redirects_to_another_host() {
        Page page = BrowserApp.signedIn(Role.REP);
        String site = BrowserApp.get().url();
        page.route(url -> !url.startsWith(site), route -> route.fulfill(new com.microsoft.playwright.Route.FulfillOptions()
                .setStatus(200).setContentType("text/html").setBody("<h1>another host</h1>")));
        for (String next : new String[] {"%2F%09%2Fevil.example%2Fx", "%2F%0A%2Fevil.example", "%2F%5Cevil.example",
                "%5C%5Cevil.example", "%2F%2Fevil.example", "https%3A%2F%2Fevil.example", "%2F%E3%80%80%2Fevil.example",
                "%2F%2F%2Fevil.example", "%09%2F%2Fevil.example"}) {
            page.navigate("/login?next=" + next);
            assertTrue(page.url().startsWith(site), next + " led to " + page.url());
        }
        page.navigate("/login?next=%2Fcontacts%3Fq%3Dmiller");
        assertEquals(site + "/contacts?q=miller", page.url(), "a path on this site is still followed");
    }
}
