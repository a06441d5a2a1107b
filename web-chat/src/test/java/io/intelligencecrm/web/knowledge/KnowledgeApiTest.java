package io.intelligencecrm.web.knowledge;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.web.CrmApplication;
import io.intelligencecrm.web.testing.ApiClient;
import io.intelligencecrm.web.testing.CrmApplicationTest;
import io.intelligencecrm.web.testing.DemoLogins;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@CrmApplicationTest
class KnowledgeApiTest {
    private static final String BOUNDARY = "----crm-test-boundary";
    private static CrmApplication application;
    private static ApiClient manager;

    @BeforeAll
    static void start(CrmApplication started) {
        application = started;
        manager = DemoLogins.as(application, Role.MANAGER);
    }

    @Test
    void an_uploaded_document_is_indexed_in_the_background_then_found_and_cited_in_chat() throws InterruptedException {
        ApiClient.Response uploaded = upload(manager, "onboarding.md", """
                # Onboarding

                ## Kick-off

                Every new customer gets a kick-off call within five business days of signing, run by their
                customer success manager.
                """);
        assertEquals(201, uploaded.status(), uploaded.body());
        String id = uploaded.json().get("id").asText();
        await("the document is indexed").atMost(Duration.ofSeconds(15))
                .until(() -> manager.get("/api/knowledge/" + id).json().get("status").asText(), "indexed"::equals);
        assertTrue(manager.get("/api/knowledge").body().contains(id));

        JsonNode hits = manager.get("/api/search?q=how%20soon%20is%20the%20kickoff%20call&types=document").json().get("items");
        assertEquals("Onboarding › Kick-off", hits.get(0).get("section").asText(), hits.toString());

        JsonNode reply = manager.post("/api/chat", "{\"message\": \"what do our documents say about the kick-off call?\"}")
                .json();
        String text = reply.get("reply").asText();
        assertTrue(text.contains("onboarding › Onboarding › Kick-off") && text.contains("five business days"), text);
    }

    @Test
    void a_file_of_the_wrong_type_gets_a_field_error_and_nothing_is_stored() {
        int before = manager.get("/api/knowledge").json().get("items").size();
        ApiClient.Response refused = upload(manager, "installer.exe", "MZ not a document");
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.json().at("/errors/file").asText().contains("accepted types"), refused.body());
        assertEquals(before, manager.get("/api/knowledge").json().get("items").size());
    }

    @Test
    void search_needs_a_query() {
        ApiClient.Response response = manager.get("/api/search?q=");
        assertEquals(400, response.status());
        assertTrue(response.json().at("/errors/q").isTextual(), response.body());
    }

    private static ApiClient.Response upload(ApiClient client, String filename, String content) {
        String body = "--" + BOUNDARY + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"" + filename + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n"
                + content + "\r\n--" + BOUNDARY + "--\r\n";
        return client.postRaw("/api/knowledge", body, "multipart/form-data; boundary=" + BOUNDARY);
    }
}
