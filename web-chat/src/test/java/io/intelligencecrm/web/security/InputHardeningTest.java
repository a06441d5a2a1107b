package io.intelligencecrm.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.intelligencecrm.core.json.Json;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.web.CrmApplication;
import io.intelligencecrm.web.testing.ApiClient;
import io.intelligencecrm.web.testing.DemoLogins;
import io.intelligencecrm.web.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Hostile or unlucky input gets a 400 or 409 with a field message, never a 500: a NUL character
 * anywhere input enters, and two requests racing to create the same unique value. Nothing of it
 * reaches the log as an error.
 */
class InputHardeningTest {
    private static final String NUL = "\\u0000";
    private static CrmApplication application;
    private static ApiClient manager;
    private static ListAppender<ILoggingEvent> log;

    @BeforeAll
    static void start() {
        application = TestServer.start(Map.of("CRM_RATE_LIMIT_USER_PER_MINUTE", "100000",
                "CRM_RATE_LIMIT_TENANT_PER_MINUTE", "100000"));
        manager = DemoLogins.as(application, Role.MANAGER);
        log = new ListAppender<>();
        log.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(log);
    }

    @AfterAll
    static void stop() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(log);
        application.stop();
    }

    @Test
    void a_nul_in_any_query_parameter_of_any_list_search_export_or_page_is_a_400_naming_it() {
        List<String> paths = new ArrayList<>(application.endpoints().stream()
                .filter(endpoint -> endpoint.startsWith("GET /api/") && !endpoint.contains("{"))
                .map(endpoint -> endpoint.substring(4)).toList());
        paths.addAll(List.of("/contacts", "/login"));
        assertTrue(paths.contains("/api/contacts/export.csv") && paths.contains("/api/search"), paths.toString());
        for (String path : paths) {
            ApiClient.Response response = manager.get(path + "?q=a%00b");
            assertEquals(400, response.status(), path + ": " + response.body());
            if (path.startsWith("/api/")) assertField(response, "q");
        }
        assertField(manager.get("/api/contacts?custom.plan=pro%00"), "custom.plan");
        assertEquals(400, manager.get("/api/contacts?custom.pl%00an=pro").status());
        assertField(manager.get("/api/deals?q=x&stage=won%00"), "stage");
        ApiClient.Response export = manager.get("/api/contacts/export.csv?q=%00");
        assertEquals("application/problem+json", export.header("content-type").split(";")[0],
                "the export refuses before it starts writing CSV");
        assertNoErrorsLogged();
    }

    @Test
    void sql_in_any_query_parameter_is_only_ever_data() {
        int contacts = manager.get("/api/contacts?limit=100").json().path("items").size();
        List<String> paths = application.endpoints().stream()
                .filter(endpoint -> endpoint.startsWith("GET /api/") && !endpoint.contains("{"))
                .map(endpoint -> endpoint.substring(4)).toList();
        for (String probe : List.of("%27%20or%201%3D1%20--", "x%27%3B%20drop%20table%20contacts%3B%20--",
                "1%20union%20select%20password_hash%20from%20users", "%5C%27%29%29%20or%20true%20--")) {
            for (String path : paths) {
                for (String parameter : List.of("q", "sort", "cursor", "limit", "stage", "ownerId", "custom.plan",
                        "custom.a%27%20or%20%271%27%3D%271")) {
                    ApiClient.Response response = manager.get(path + "?" + parameter + "=" + probe);
                    assertTrue(response.status() < 500,
                            path + "?" + parameter + "=" + probe + ": " + response.status() + " " + response.body());
                    assertFalse(response.body().contains("password_hash") || response.body().contains("argon2"),
                            path + " " + response.body());
                }
            }
            assertEquals(0, manager.get("/api/contacts?q=" + probe).json().path("items").size(), probe);
        }
        assertEquals(contacts, manager.get("/api/contacts?limit=100").json().path("items").size());
        assertNoErrorsLogged();
    }

    @Test
    void a_nul_in_a_json_field_a_chat_message_or_a_csv_cell_is_refused_with_the_field() throws Exception {
        assertField(manager.post("/api/contacts", "{\"firstName\": \"Nu" + NUL + "ll\", \"lastName\": \"Byte\"}"),
                "firstName");
        String contact = manager.post("/api/contacts", "{\"firstName\": \"Nola\", \"lastName\": \"Byte\"}").json()
                .path("id").asText();
        assertField(manager.patch("/api/contacts/" + contact, "{\"custom\": {\"note\": \"a" + NUL + "\"}}"), "custom.note");
        assertField(manager.post("/api/deals", "{\"name\": \"Deal" + NUL + "\"}"), "name");
        assertField(manager.post("/api/interactions", "{\"contactId\": \"" + contact
                + "\", \"type\": \"note\", \"content\": \"x" + NUL + "\"}"), "content");
        assertField(manager.post("/api/conversations", "{\"title\": \"t" + NUL + "\"}"), "title");
        assertField(manager.post("/api/chat", "{\"message\": \"find Nola" + NUL + "\"}"), "message");

        ApiClient.Response imported = manager.postRaw("/api/contacts/import",
                "email,first name,last name\nok.row@nul.example,Ok,Row\nbad.row@nul.example,Ba\u0000d,Row\n", "text/csv");
        assertEquals(200, imported.status(), imported.body());
        assertEquals(1, imported.json().path("created").asInt(), imported.body());
        JsonNode rejected = imported.json().path("rejected");
        assertEquals(1, rejected.size(), imported.body());
        assertEquals(3, rejected.get(0).path("row").asInt(), imported.body());
        assertTrue(rejected.get(0).toString().contains("NUL"), imported.body());
        assertField(manager.postRaw("/api/contacts/import", "email,no\u0000te\na@nul.example,x\n", "text/csv"), "file");

        JsonNode frame = socketAnswer(manager.bearer(), "{\"type\": \"message\", \"message\": \"hello" + NUL + "\"}");
        assertEquals("error", frame.path("type").asText(), frame.toString());
        assertEquals("validation-failed", frame.path("code").asText(), frame.toString());
        assertTrue(frame.path("errors").has("message"), frame.toString());
        assertNoErrorsLogged();
    }

    @Test
    void requests_racing_to_create_the_same_email_or_domain_get_one_201_and_409s_naming_the_field() throws Exception {
        ApiClient admin = DemoLogins.as(application, Role.ADMIN);
        for (Callable<ApiClient.Response> create : List.<Callable<ApiClient.Response>>of(
                () -> manager.post("/api/contacts", "{\"lastName\": \"Racer\", \"email\": \"racer@race.example\"}"),
                () -> manager.post("/api/companies", "{\"name\": \"Race Ltd\", \"domain\": \"race.example\"}"),
                () -> admin.post("/api/users", "{\"email\": \"racer@demo.example\", \"role\": \"rep\"}"))) {
            List<ApiClient.Response> responses = Race.of(Collections.nCopies(8, create));
            List<Integer> statuses = responses.stream().map(ApiClient.Response::status).toList();
            assertEquals(1, statuses.stream().filter(status -> status == 201).count(), statuses.toString());
            for (ApiClient.Response response : responses) {
                if (response.status() == 201) continue;
                assertEquals(409, response.status(), response.body());
                assertEquals("application/problem+json", response.header("content-type").split(";")[0]);
                assertFalse(response.json().path("errors").isEmpty(), response.body());
            }
        }
        assertNoErrorsLogged();
    }

    private static void assertField(ApiClient.Response response, String field) {
        assertEquals(400, response.status(), response.body());
        assertEquals("application/problem+json", response.header("content-type").split(";")[0], response.body());
        assertTrue(response.json().path("errors").has(field), field + " in " + response.body());
    }

    private static void assertNoErrorsLogged() {
        List<String> errors = log.list.stream().filter(event -> event.getLevel().isGreaterOrEqual(Level.ERROR))
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertEquals(List.of(), errors);
    }

    /** Sends one frame over the chat socket and returns the first answer. */
    private static JsonNode socketAnswer(String token, String frame) throws Exception {
        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer " + token)
                .buildAsync(URI.create(application.url().replaceFirst("^http", "ws") + "/ws/chat"),
                        new WebSocket.Listener() {
                            private final StringBuilder partial = new StringBuilder();

                            @Override
                            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                                partial.append(data);
                                if (last) {
                                    frames.add(partial.toString());
                                    partial.setLength(0);
                                }
                                webSocket.request(1);
                                return null;
                            }
                        }).join();
        try {
            socket.sendText(frame, true).join();
            String answer = frames.poll(15, TimeUnit.SECONDS);
            assertTrue(answer != null, "the socket answered");
            return Json.mapper().readTree(answer);
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }
}
