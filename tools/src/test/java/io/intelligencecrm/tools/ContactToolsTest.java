package io.intelligencecrm.tools;

import static io.intelligencecrm.tools.ToolFixture.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.error.ErrorCode;
import io.intelligencecrm.tools.contact.ContactCard;
import io.intelligencecrm.tools.contact.ContactReadTools;
import io.intelligencecrm.tools.contact.ContactWriteTools;
import io.intelligencecrm.tools.deal.DealWriteTools;
import io.intelligencecrm.tools.outreach.EmailDraft;
import io.intelligencecrm.tools.outreach.OutreachReadTools;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ContactToolsTest {
    private final ToolFixture fixture = ToolFixture.get();
    private final ContactReadTools read = new ContactReadTools(fixture.services);
    private final ContactWriteTools write = new ContactWriteTools(fixture.services, fixture.proposals);

    @Test
    void creating_a_contact_with_a_note_logs_the_note() {
        ContactWriteTools.ContactSaved saved = write.createContact("Nora", "Notes", "Nora.Notes@Example.com", null,
                "CTO", "Notewell Ltd", "qualified", "event", "Met at the Berlin fair, wants a demo in January",
                as(fixture.rep));

        assertNotNull(saved.noteInteractionId());
        assertEquals("nora.notes@example.com", saved.contact().email());
        assertEquals("Notewell Ltd", saved.contact().company());
        assertEquals("Jordan Lee", saved.contact().owner());
        assertEquals(1, fixture.count("""
                select count(*) from interactions
                 where contact_id = :id and type = 'note' and content like 'Met at the Berlin fair%'
                   and author_id = :author""", Map.of("id", saved.contact().id(), "author", fixture.rep.userId())));
        ContactCard card = read.getContact("nora.notes@example.com", as(fixture.viewer));
        assertEquals(saved.contact().id(), card.contact().id());
        assertEquals("note", card.recentInteractions().getFirst().type());
    }

    @Test
    void a_refused_note_leaves_no_contact_behind() {
        String tooLong = "x".repeat(100_001);

        CrmException refused = assertThrows(CrmException.class, () -> write.createContact("Half", "Written",
                "half.written@example.com", null, null, null, null, null, tooLong, as(fixture.rep)));

        assertEquals(ErrorCode.VALIDATION, refused.code());
        assertEquals(0, fixture.count("select count(*) from contacts where email = 'half.written@example.com'",
                Map.of()));
    }

    @Test
    void a_rep_cannot_update_another_reps_contact() {
        UUID samsContact = fixture.freshContactsOwnedBy(fixture.manager, 1).getFirst();

        CrmException refused = assertThrows(CrmException.class, () -> write.updateContact(samsContact.toString(),
                null, null, null, null, "Chief Everything", null, null, null, as(fixture.rep)));

        assertEquals(ErrorCode.FORBIDDEN, refused.code());
        assertTrue(refused.getMessage().contains("Reps can only change contacts they own"), refused.getMessage());
        assertEquals(0, fixture.count("select count(*) from contacts where id = :id and title = 'Chief Everything'",
                Map.of("id", samsContact)));
    }

    @Test
    void updating_changes_only_the_given_fields() {
        UUID own = fixture.freshContactsOwnedBy(fixture.rep, 1).getFirst();
        String emailBefore = read.getContact(own.toString(), as(fixture.rep)).contact().email();

        ContactWriteTools.ContactSaved saved = write.updateContact(own.toString(), null, null, null, null,
                "Head of Ops", null, "", "Portugal", as(fixture.rep));

        assertEquals("Head of Ops", saved.contact().title());
        assertEquals("Portugal", saved.contact().country());
        assertEquals(emailBefore, saved.contact().email());
    }

    @Test
    void search_results_are_capped_with_a_note_saying_how_many_more_exist() {
        TableResult all = read.searchContacts(null, null, null, null, null, 50, null, null, null, as(fixture.viewer));
        long live = fixture.count("select count(*) from contacts where deleted_at is null", Map.of());

        assertEquals(20, all.rows().size());
        assertEquals(live, all.totalRows());
        assertTrue(all.note().contains((live - 20) + " more exist"), all.note());
        TableResult leads = read.searchContacts(null, "Lead", null, true, null, 5, null, null, null, as(fixture.rep));
        assertEquals(5, leads.rows().size());
        assertEquals(fixture.count("select count(*) from contacts where deleted_at is null and lifecycle_stage = 'lead'"
                + " and owner_id = :owner", Map.of("owner", fixture.rep.userId())), leads.totalRows());
        leads.rows().forEach(row -> assertEquals("lead", row.get(4)));
    }

    @Test
    void bad_arguments_produce_readable_validation_errors() {
        UUID own = fixture.freshContactsOwnedBy(fixture.rep, 1).getFirst();
        CrmException stage = assertThrows(CrmException.class,
                () -> write.changeContactStage(own.toString(), "hot", as(fixture.rep)));
        assertEquals(ErrorCode.VALIDATION, stage.code());
        assertTrue(stage.getMessage().contains("lead, qualified, customer, lost"), stage.getMessage());

        CrmException email = assertThrows(CrmException.class, () -> write.createContact("Bad", "Mail", "bad@mail",
                null, null, null, null, null, null, as(fixture.rep)));
        assertTrue(email.getMessage().contains("not a valid email address"), email.getMessage());

        CrmException id = assertThrows(CrmException.class,
                () -> write.changeContactStage("Jane Doe", "lead", as(fixture.rep)));
        assertTrue(id.getMessage().contains("search first"), id.getMessage());

        DealWriteTools deals = new DealWriteTools(fixture.services, fixture.proposals);
        CrmException date = assertThrows(CrmException.class, () -> deals.createDeal("Someday deal", null, null,
                "100", "EUR", "proposal", "someday soon", as(fixture.rep)));
        assertEquals(Map.of("expectedCloseDate", date.fieldErrors().get("expectedCloseDate")), date.fieldErrors());
        assertTrue(date.getMessage().contains("ISO date like 2026-11-24"), date.getMessage());

        CrmException dealStage = assertThrows(CrmException.class, () -> deals.createDeal("Odd deal", null, null,
                "100", "EUR", "pitching", null, as(fixture.rep)));
        assertTrue(dealStage.getMessage().contains("prospecting, qualification, proposal, negotiation, won, lost"),
                dealStage.getMessage());
        CrmException interaction = assertThrows(CrmException.class, () -> write.logInteraction(own.toString(),
                "fax", "sent a fax", null, null, as(fixture.rep)));
        assertTrue(interaction.getMessage().contains("note, call, email, meeting"), interaction.getMessage());
    }

    @Test
    void logs_an_interaction_on_a_relative_day_in_the_users_zone() {
        UUID own = fixture.freshContactsOwnedBy(fixture.rep, 1).getFirst();
        ContactWriteTools.InteractionLogged logged = write.logInteraction(own.toString(), "call",
                "Discussed renewal", "inbound", "yesterday", as(fixture.rep));
        assertEquals("inbound", logged.direction());
        assertEquals(java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")).minusDays(1),
                java.time.LocalDate.ofInstant(java.time.Instant.parse(logged.occurredAt()),
                        java.time.ZoneId.of("Europe/London")));
    }

    @Test
    void drafts_a_plain_text_email_from_the_contacts_record_without_sending() {
        UUID own = fixture.freshContactsOwnedBy(fixture.rep, 1).getFirst();
        ContactCard card = read.getContact(own.toString(), as(fixture.rep));
        long outboxBefore = fixture.count("select count(*) from outbox where kind = 'email.send'", Map.of());

        EmailDraft draft = new OutreachReadTools(fixture.services).draftEmail(own.toString(),
                "a follow-up on pricing", as(fixture.rep));

        String firstName = card.contact().name().split(" ")[0];
        assertTrue(draft.body().startsWith("Hi " + firstName + ","), draft.body());
        assertTrue(draft.body().contains(card.contact().company()), draft.body());
        assertTrue(draft.subject().startsWith("A follow-up on pricing"), draft.subject());
        assertTrue(draft.body().endsWith("Jordan Lee"), draft.body());
        assertTrue(!draft.body().contains("<") && !draft.body().contains(">"), "plain text: " + draft.body());
        assertEquals(card.contact().email(), draft.to());
        assertEquals(outboxBefore, fixture.count("select count(*) from outbox where kind = 'email.send'", Map.of()));
        OutreachReadTools.DraftBatch batch = new OutreachReadTools(fixture.services).draftEmailsForContacts(null,
                "customer", "our new analytics add-on", as(fixture.rep));
        assertEquals(20, batch.drafts().size());
        assertTrue(batch.matchingContacts() > 20);
        assertInstanceOf(List.class, batch.drafts());
    }

    @Test
    void an_interaction_logged_on_the_wrong_contact_moves_to_the_right_one_only_by_its_author() {
        List<UUID> janes = fixture.freshContactsOwnedBy(fixture.rep, 2);
        ContactWriteTools.InteractionLogged call = write.logInteraction(janes.get(0).toString(), "call", "pricing talk",
                null, null, as(fixture.rep));
        ContactWriteTools.InteractionLogged moved = write.moveInteraction(call.interactionId().toString(),
                janes.get(1).toString(), as(fixture.rep));
        assertEquals(janes.get(1), moved.contactId());
        assertEquals(call.interactionId(), moved.interactionId());
        CrmException notTheirs = assertThrows(CrmException.class, () -> write.moveInteraction(
                call.interactionId().toString(), janes.get(0).toString(), as(fixture.manager)));
        assertEquals(ErrorCode.FORBIDDEN, notTheirs.code());
    }
}
