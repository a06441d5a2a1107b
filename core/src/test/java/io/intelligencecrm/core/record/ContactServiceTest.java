package io.intelligencecrm.core.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intelligencecrm.core.contact.Contact;
import io.intelligencecrm.core.contact.LifecycleStage;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.error.ErrorCode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Contacts through their service, on a real database: the rules every channel goes through. */
class ContactServiceTest {
    @RegisterExtension
    static final RecordFixture fixture = new RecordFixture();

    @Test
    void creates_a_contact_with_its_company_found_or_created_and_audits_and_publishes_it() {
        Contact jane = fixture.contacts.create(fixture.rep, Map.of("firstName", "Jane", "lastName", "Doe",
                "email", "jane@acme-contacts.example", "companyName", "Acme Contacts"));
        Contact john = fixture.contacts.create(fixture.rep, Map.of("firstName", "John", "companyName", "Acme Contacts"));

        assertEquals("Acme Contacts", jane.companyName());
        assertEquals(jane.companyId(), john.companyId(), "the second contact found the company the first created");
        assertEquals(fixture.rep.userId(), jane.ownerId(), "a rep owns what they create");
        assertEquals(List.of("contact.create"), fixture.audited(jane.id()));
        assertEquals(List.of("created"), fixture.published(jane.id()));
    }

    @Test
    void a_contact_needs_a_name_or_an_email_and_a_duplicate_email_is_a_conflict_naming_the_existing_one() {
        CrmException empty = assertThrows(CrmException.class,
                () -> fixture.contacts.create(fixture.rep, Map.of("title", "CTO")));
        assertEquals(ErrorCode.VALIDATION, empty.code());

        Contact first = fixture.contacts.create(fixture.rep, Map.of("email", "dup@contacts.example"));
        CrmException duplicate = assertThrows(CrmException.class,
                () -> fixture.contacts.create(fixture.manager, Map.of("email", "DUP@contacts.example")));
        assertEquals(ErrorCode.CONFLICT, duplicate.code());
        assertEquals(first.id().toString(), String.valueOf(duplicate.extensions().get("existingId")));
    }

    @Test
    void a_rep_changes_only_their_own_contacts_and_a_viewer_changes_nothing() {
        Contact colleagues = fixture.contacts.create(fixture.otherRep, Map.of("firstName", "Colleague's"));
        assertEquals(ErrorCode.FORBIDDEN, assertThrows(CrmException.class, () -> fixture.contacts.update(fixture.rep,
                colleagues.id(), Map.of("title", "CEO"))).code());
        assertEquals(ErrorCode.FORBIDDEN, assertThrows(CrmException.class,
                () -> fixture.contacts.create(fixture.viewer, Map.of("firstName", "Nobody"))).code());
        assertEquals("CEO", fixture.contacts.update(fixture.manager, colleagues.id(), Map.of("title", "CEO")).title());
    }

    @Test
    void deleting_moves_to_the_trash_and_restoring_brings_it_back_each_audited_and_published() {
        Contact contact = fixture.contacts.create(fixture.rep, Map.of("firstName", "Trashy",
                "email", "trash@contacts.example"));
        fixture.contacts.delete(fixture.rep, contact.id());
        assertEquals(ErrorCode.NOT_FOUND, assertThrows(CrmException.class,
                () -> fixture.contacts.get(fixture.rep, contact.id())).code());

        Contact restored = fixture.contacts.restore(fixture.rep, contact.id());
        assertEquals(null, restored.deletedAt());
        assertEquals(List.of("contact.create", "contact.delete", "contact.restore"), fixture.audited(contact.id()));
        assertEquals(List.of("created", "deleted", "restored"), fixture.published(contact.id()));
    }

    @Test
    void a_bulk_delete_counts_only_what_it_moved_to_the_trash_and_is_for_managers() {
        Contact one = fixture.contacts.create(fixture.rep, Map.of("firstName", "Bulk one"));
        Contact two = fixture.contacts.create(fixture.rep, Map.of("firstName", "Bulk two"));
        fixture.contacts.delete(fixture.rep, two.id());
        assertEquals(ErrorCode.FORBIDDEN, assertThrows(CrmException.class,
                () -> fixture.contacts.bulkDelete(fixture.rep, List.of(one.id()))).code());

        assertEquals(1, fixture.contacts.bulkDelete(fixture.manager, List.of(one.id(), two.id())));
        assertEquals(List.of("contact.create", "contact.delete"), fixture.audited(one.id()));
        assertEquals(List.of("created", "deleted"), fixture.published(two.id()));
    }

    @Test
    void changing_the_stage_publishes_a_stage_change() {
        Contact contact = fixture.contacts.create(fixture.rep, Map.of("firstName", "Stagey"));
        Contact qualified = fixture.contacts.changeStage(fixture.rep, contact.id(), LifecycleStage.QUALIFIED);
        assertEquals(LifecycleStage.QUALIFIED, qualified.lifecycleStage());
        assertTrue(fixture.published(contact.id()).size() >= 2, fixture.published(contact.id()).toString());
        assertNotNull(fixture.contacts.get(fixture.rep, contact.id()).updatedAt());
    }

    @Test
    void another_tenants_contact_is_not_found() {
        Contact mine = fixture.contacts.create(fixture.rep, Map.of("firstName", "Mine"));
        RecordFixture other = new RecordFixture();
        try {
            assertEquals(ErrorCode.NOT_FOUND, assertThrows(CrmException.class,
                    () -> other.contacts.get(other.admin, mine.id())).code());
        } finally {
            other.close();
        }
        assertEquals(mine.id(), fixture.contacts.get(fixture.admin, mine.id()).id());
        assertEquals(ErrorCode.NOT_FOUND, assertThrows(CrmException.class,
                () -> fixture.contacts.get(fixture.admin, UUID.randomUUID())).code());
    }
}
