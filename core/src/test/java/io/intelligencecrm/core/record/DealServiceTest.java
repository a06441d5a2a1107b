package io.intelligencecrm.core.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intelligencecrm.core.deal.Deal;
import io.intelligencecrm.core.deal.DealStage;
import io.intelligencecrm.core.deal.PipelineStage;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.error.ErrorCode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Deals through their service, on a real database. */
class DealServiceTest {
    @RegisterExtension
    static final RecordFixture fixture = new RecordFixture();

    @Test
    void creates_a_deal_and_winning_it_closes_it_audited_and_published() {
        Deal deal = fixture.deals.create(fixture.rep, Map.of("name", "Acme renewal", "amount", 5000,
                "currency", "USD"));
        assertEquals(DealStage.PROSPECTING, deal.stage());
        assertNull(deal.closedAt());

        Deal won = fixture.deals.markWon(fixture.rep, deal.id());
        assertEquals(DealStage.WON, won.stage());
        assertNotNull(won.closedAt());
        assertEquals("deal.create", fixture.audited(deal.id()).getFirst());
        assertEquals("created", fixture.published(deal.id()).getFirst());
        assertTrue(fixture.published(deal.id()).size() >= 2, fixture.published(deal.id()).toString());
    }

    @Test
    void a_deal_needs_a_name_and_a_lost_deal_keeps_its_reason() {
        assertEquals(ErrorCode.VALIDATION, assertThrows(CrmException.class,
                () -> fixture.deals.create(fixture.rep, Map.of("amount", 10))).code());
        Deal deal = fixture.deals.create(fixture.rep, Map.of("name", "Globex pilot"));
        Deal lost = fixture.deals.markLost(fixture.rep, deal.id(), "price");
        assertEquals(DealStage.LOST, lost.stage());
        assertEquals("price", lost.lostReason());
    }

    @Test
    void the_pipeline_sums_open_deals_by_stage_and_currency() {
        fixture.deals.create(fixture.otherRep, Map.of("name", "Pipe one", "amount", 1000, "currency", "EUR",
                "stage", "negotiation"));
        fixture.deals.create(fixture.otherRep, Map.of("name", "Pipe two", "amount", 500, "currency", "EUR",
                "stage", "negotiation"));
        List<PipelineStage> pipeline = fixture.deals.pipeline(fixture.otherRep, fixture.otherRep.userId());
        PipelineStage negotiation = pipeline.stream().filter(stage -> stage.stage() == DealStage.NEGOTIATION)
                .findFirst().orElseThrow();
        assertEquals(2, negotiation.deals());
        assertEquals(0, new BigDecimal("1500").compareTo(negotiation.valueByCurrency().get("EUR")));
    }

    @Test
    void a_rep_cannot_change_a_colleagues_deal_and_deleting_then_restoring_is_audited() {
        Deal colleagues = fixture.deals.create(fixture.otherRep, Map.of("name", "Not yours"));
        assertEquals(ErrorCode.FORBIDDEN, assertThrows(CrmException.class,
                () -> fixture.deals.update(fixture.rep, colleagues.id(), Map.of("amount", 1))).code());

        fixture.deals.delete(fixture.manager, colleagues.id());
        assertEquals(ErrorCode.NOT_FOUND, assertThrows(CrmException.class,
                () -> fixture.deals.get(fixture.manager, colleagues.id())).code());
        assertNull(fixture.deals.restore(fixture.manager, colleagues.id()).deletedAt());
        assertEquals(List.of("deal.create", "deal.delete", "deal.restore"), fixture.audited(colleagues.id()));
        assertEquals(List.of("created", "deleted", "restored"), fixture.published(colleagues.id()));
    }
}
