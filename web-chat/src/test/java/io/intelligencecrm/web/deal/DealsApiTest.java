package io.intelligencecrm.web.deal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.web.CrmApplication;
import io.intelligencecrm.web.testing.ApiClient;
import io.intelligencecrm.web.testing.CrmApplicationTest;
import io.intelligencecrm.web.testing.DemoLogins;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@CrmApplicationTest
class DealsApiTest {
    private static CrmApplication application;
    private static ApiClient rep;

    @BeforeAll
    static void start(CrmApplication started) {
        application = started;
        rep = DemoLogins.as(application, Role.REP);
    }

    @Test
    void moving_a_deal_to_won_or_lost_stamps_the_close_and_reopening_clears_it() {
        JsonNode deal = rep.post("/api/deals", "{\"name\": \"Stage walk\", \"amount\": \"12500.50\", \"currency\": \"eur\","
                + " \"expectedCloseDate\": \"2026-12-31\"}").json();
        String id = deal.get("id").asText();
        assertEquals("EUR", deal.get("currency").asText());
        assertEquals("prospecting", deal.get("stage").asText());
        JsonNode lost = rep.patch("/api/deals/" + id, "{\"stage\": \"lost\", \"lostReason\": \"budget\"}").json();
        assertTrue(!lost.get("closedAt").isNull());
        assertEquals("budget", lost.get("lostReason").asText());
        JsonNode reopened = rep.patch("/api/deals/" + id, "{\"stage\": \"negotiation\"}").json();
        assertTrue(reopened.get("closedAt").isNull());
        assertTrue(reopened.get("lostReason").isNull());
        assertEquals(1, rep.get("/api/deals?q=stage%20walk&open=true").json().get("items").size());
    }

    @Test
    void invalid_deals_get_field_messages() {
        ApiClient.Response response = rep.post("/api/deals", "{\"name\": \"\", \"amount\": -5, \"currency\": \"euro\","
                + " \"stage\": \"maybe\", \"expectedCloseDate\": \"next week\"}");
        assertEquals(400, response.status());
        JsonNode errors = response.json().get("errors");
        assertEquals("must not be negative", errors.get("amount").asText());
        assertEquals("must be a 3-letter ISO currency code", errors.get("currency").asText());
        assertTrue(errors.has("stage") && errors.has("expectedCloseDate") && errors.has("name"));
    }

    @Test
    void the_pipeline_sums_value_per_stage_and_currency() {
        JsonNode pipeline = rep.get("/api/deals/pipeline").json();
        assertEquals(6, pipeline.size());
        long deals = 0;
        for (JsonNode stage : pipeline) deals += stage.get("deals").asLong();
        assertTrue(deals >= 40);
        assertTrue(pipeline.toString().contains("USD"));
    }
}
