package io.intelligencecrm.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.intelligencecrm.web.CrmApplication;
import io.intelligencecrm.web.testing.ApiClient;
import io.intelligencecrm.web.testing.CrmApplicationTest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@CrmApplicationTest
class OpenApiDocumentTest {
    private static CrmApplication application;
    private static JsonNode document;

    @BeforeAll
    static void start(CrmApplication started) {
        application = started;
        ApiClient.Response response = new ApiClient(application.url(), null).get("/api/openapi.json");
        assertEquals(200, response.status());
        document = response.json();
    }

    @Test
    void every_registered_api_route_is_documented() {
        List<String> missing = new ArrayList<>();
        for (String endpoint : application.endpoints()) {
            String[] parts = endpoint.split(" ", 2);
            if (!parts[1].startsWith("/api/")) continue;
            if (document.at("/paths").path(parts[1]).path(parts[0].toLowerCase()).isMissingNode()) missing.add(endpoint);
        }
        assertEquals(List.of(), missing);
        assertTrue(application.endpoints().size() > 30);
    }

    @Test
    void every_schema_reference_resolves() {
        List<String> dangling = new ArrayList<>();
        Matcher matcher = Pattern.compile("#/components/schemas/([A-Za-z]+)").matcher(document.toString());
        while (matcher.find()) {
            if (document.at("/components/schemas/" + matcher.group(1)).isMissingNode()) dangling.add(matcher.group(1));
        }
        assertEquals(List.of(), dangling);
    }

    @Test
    void uses_no_openapi_3_0_keyword_and_documents_client_errors_on_every_operation() {
        assertFalse(document.toString().contains("\"nullable\""), "3.1 says null with type arrays");
        List<String> undocumented = new ArrayList<>();
        document.at("/paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            List<String> clientErrors = new ArrayList<>();
            operation.getValue().path("responses").fieldNames().forEachRemaining(status -> {
                if (status.startsWith("4")) clientErrors.add(status);
            });
            if (clientErrors.isEmpty()) undocumented.add(operation.getKey() + " " + path.getKey());
        }));
        assertEquals(List.of(), undocumented);
        assertEquals("#/components/responses/NotFound", document.at("/paths/~1api~1contacts~1{id}/get/responses/404/$ref")
                .asText());
        assertEquals("#/components/schemas/Problem", document.at("/components/responses/NotFound/content")
                .path("application/problem+json").path("schema").path("$ref").asText());
    }

    @Test
    void open_operations_need_no_token_and_the_rest_do() {
        assertEquals(0, document.at("/paths/~1api~1auth~1login/post/security").size());
        assertTrue(document.at("/paths/~1api~1contacts/get/security").isMissingNode(), "inherits the global bearer");
        Iterator<String> names = document.at("/paths").fieldNames();
        int operations = 0;
        while (names.hasNext()) operations += document.at("/paths").get(names.next()).size();
        assertTrue(operations >= 35);
    }
}
