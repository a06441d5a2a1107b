package io.intelligencecrm.core.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.intelligencecrm.core.company.Company;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.error.ErrorCode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Companies through their service, on a real database. */
class CompanyServiceTest {
    @RegisterExtension
    static final RecordFixture fixture = new RecordFixture();

    @Test
    void creates_and_updates_a_company_each_audited_and_published() {
        Company vertex = fixture.companies.create(fixture.rep, Map.of("name", "Vertex Labs",
                "domain", "vertexlabs.example", "industry", "Software"));
        Company renamed = fixture.companies.update(fixture.rep, vertex.id(), Map.of("name", "Vertex Laboratories"));

        assertEquals("Vertex Laboratories", renamed.name());
        assertEquals(List.of("company.create", "company.update"), fixture.audited(vertex.id()));
        assertEquals(List.of("created", "updated"), fixture.published(vertex.id()));
    }

    @Test
    void a_company_needs_a_name_and_a_domain_belongs_to_one_company() {
        assertEquals(ErrorCode.VALIDATION, assertThrows(CrmException.class,
                () -> fixture.companies.create(fixture.rep, Map.of("industry", "Retail"))).code());
        fixture.companies.create(fixture.rep, Map.of("name", "Globex", "domain", "globex-companies.example"));
        assertEquals(ErrorCode.CONFLICT, assertThrows(CrmException.class, () -> fixture.companies.create(fixture.manager,
                Map.of("name", "Globex Again", "domain", "globex-companies.example"))).code());
    }

    @Test
    void find_or_create_reuses_a_company_by_name() {
        Company first = fixture.companies.findOrCreate(fixture.rep, "Initech");
        assertEquals(first.id(), fixture.companies.findOrCreate(fixture.rep, "Initech").id());
    }

    @Test
    void a_viewer_cannot_create_and_deleting_then_restoring_is_audited_and_published() {
        assertEquals(ErrorCode.FORBIDDEN, assertThrows(CrmException.class,
                () -> fixture.companies.create(fixture.viewer, Map.of("name", "Nope Inc"))).code());

        Company company = fixture.companies.create(fixture.manager, Map.of("name", "Umbrella"));
        fixture.companies.delete(fixture.manager, company.id());
        assertEquals(ErrorCode.NOT_FOUND, assertThrows(CrmException.class,
                () -> fixture.companies.details(fixture.manager, company.id())).code());
        assertNull(fixture.companies.restore(fixture.manager, company.id()).deletedAt());
        assertEquals(List.of("company.create", "company.delete", "company.restore"), fixture.audited(company.id()));
        assertEquals(List.of("created", "deleted", "restored"), fixture.published(company.id()));
    }
}
