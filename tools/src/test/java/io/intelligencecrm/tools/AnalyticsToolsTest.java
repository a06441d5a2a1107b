package io.intelligencecrm.tools;

import static io.intelligencecrm.tools.ToolFixture.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.tools.analytics.AnalyticsTools;
import io.intelligencecrm.tools.deal.DealReadTools;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnalyticsToolsTest {
    private final ToolFixture fixture = ToolFixture.get();
    private final AnalyticsTools tools = new AnalyticsTools(fixture.services);

    @Test
    void analytics_tools_return_tables_for_charts() {
        var viewer = as(fixture.viewer);
        List<TableResult> tables = List.of(tools.newLeads("last 90 days", viewer), tools.pipelineByStage(viewer),
                tools.dealsClosing("next 60 days", viewer), tools.activityByRep("last 30 days", viewer),
                tools.conversionBySource(null, viewer), tools.staleDeals(7, viewer));
        assertEquals(List.of("line", "bar", "table", "bar", "bar", "table"),
                tables.stream().map(TableResult::chartKind).toList());
        tables.forEach(table -> {
            assertTrue(table.rows().size() <= 60, table.title());
            table.rows().forEach(row -> assertEquals(table.columns().size(), row.size(), table.title()));
            assertTrue(table.note() != null && !table.note().isBlank());
        });
        long openDeals = fixture.count("select count(*) from deals where closed_at is null and deleted_at is null",
                Map.of());
        assertEquals(openDeals, tables.get(1).rows().stream().mapToLong(row -> (Long) row.get(2)).sum());
    }

    @Test
    void long_analytics_lists_are_capped_with_a_note() {
        TableResult stale = tools.staleDeals(1, as(fixture.rep));
        long open = fixture.count("select count(*) from deals where closed_at is null and deleted_at is null",
                Map.of());
        assertTrue(open > 20, "the demo has more than 20 open deals");
        assertEquals(20, stale.rows().size());
        assertEquals(stale.totalRows() - 20 + " more exist.", stale.note().substring(stale.note().indexOf("; ") + 2));
    }

    @Test
    void an_unknown_period_lists_the_accepted_forms() {
        CrmException refused = assertThrows(CrmException.class, () -> tools.newLeads("since forever", as(fixture.rep)));
        assertTrue(refused.getMessage().contains("last/next N days"), refused.getMessage());
    }

    @Test
    void the_pipeline_shows_every_stage() {
        TableResult pipeline = new DealReadTools(fixture.services).getPipeline(false, as(fixture.viewer));
        assertEquals(List.of("prospecting", "qualification", "proposal", "negotiation", "won", "lost"),
                pipeline.rows().stream().map(row -> row.get(0)).toList());
        TableResult deals = new DealReadTools(fixture.services).findDeals(null, "won", null, null, null, null, null, null,
                as(fixture.viewer));
        deals.rows().forEach(row -> assertEquals("won", row.get(4)));
    }
}
