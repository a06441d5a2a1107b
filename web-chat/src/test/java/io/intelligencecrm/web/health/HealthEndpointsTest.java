package io.intelligencecrm.web.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intelligencecrm.web.CrmApplication;
import io.intelligencecrm.web.testing.CrmApplicationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@CrmApplicationTest
class HealthEndpointsTest {
    private static CrmApplication application;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start(CrmApplication started) {
        application = started;
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(application.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void live_answers_while_the_process_runs() throws Exception {
        assertEquals(200, get("/health/live").statusCode());
    }

    @Test
    void ready_reports_database_migrations_and_demo_tenant() throws Exception {
        HttpResponse<String> response = get("/health/ready");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("\"demoTenant\":\"loaded\""), response.body());
    }

    @Test
    void unknown_paths_get_problem_json_without_a_stack_trace() throws Exception {
        HttpResponse<String> response = get("/no/such/thing");
        assertEquals(404, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("content-type").orElse("")
                .split(";")[0]);
        assertTrue(!response.body().contains("Exception"), response.body());
    }
}
