package io.intelligencecrm.tools;

import static io.intelligencecrm.tools.ToolFixture.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.match.RecordMatch;
import io.intelligencecrm.tools.match.MatchTools;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MatchToolsTest {
    private final ToolFixture fixture = ToolFixture.get();
    private final MatchTools tools = new MatchTools(fixture.services);

    @Test
    void a_demo_contact_typed_in_lower_case_with_a_typo_is_found_with_its_span() {
        Map<String, Object> contact = fixture.database.tenants().inTenant(fixture.tenant, handle -> handle.createQuery("""
                select id, first_name, last_name from contacts
                 where deleted_at is null and length(last_name) >= 5 order by id limit 1""").mapToMap().one());
        String last = ((String) contact.get("last_name")).toLowerCase();
        String typed = ((String) contact.get("first_name")).toLowerCase() + " " + last.substring(0, 2)
                + last.substring(3);
        String message = "log a call w/ " + typed + " tmrw 3pm";
        RecordMatch top = tools.matchRecords(message, null, as(fixture.viewer)).matches().stream()
                .filter(match -> match.kind().equals("contact")).findFirst().orElseThrow();
        assertEquals(contact.get("id"), top.id());
        assertEquals(typed, message.substring(top.start(), top.end()));
        assertTrue(top.score() > 0.7 && top.score() < 1.0, String.valueOf(top.score()));
    }

    @Test
    void records_shown_in_the_conversation_come_first_and_bad_ids_are_refused() {
        UUID shown = fixture.freshContactsOwnedBy(fixture.rep, 1).getFirst();
        String first = fixture.database.tenants().inTenant(fixture.tenant, handle -> handle.createQuery(
                "select first_name from contacts where id = :id").bind("id", shown).mapTo(String.class).one());
        List<RecordMatch> matches = tools.matchRecords("email " + first.toLowerCase() + " the quote",
                List.of(shown.toString()), as(fixture.rep)).matches();
        assertEquals(shown, matches.getFirst().id());
        assertTrue(matches.getFirst().inConversation());
        assertThrows(CrmException.class, () -> tools.matchRecords("x", List.of("not-an-id"), as(fixture.rep)));
        assertEquals("No record is named in this text.", tools.matchRecords("ok thanks", null, as(fixture.rep)).note());
    }
}
