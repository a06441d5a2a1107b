package io.intelligencecrm.core.company;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intelligencecrm.core.error.CrmException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CompanyMatchTest {
    private static final Company ACME = company("Acme Corporation", "acme.example");
    private static final Company ACME_ROBOTICS = company("Acme Robotics", "acmerobotics.example");
    private static final Company GLOBEX = company("Globex", "globex.example");

    @Test
    void a_short_name_with_the_companys_email_domain_joins_the_existing_company() {
        assertEquals(ACME, CompanyMatch.choose("Acme", "acme.example", List.of(ACME, ACME_ROBOTICS)).orElseThrow());
        assertEquals(ACME_ROBOTICS, CompanyMatch.choose("acme", "sales.acmerobotics.example", List.of(ACME, ACME_ROBOTICS))
                .orElseThrow());
    }

    @Test
    void the_same_name_apart_from_case_punctuation_and_legal_form_is_the_same_company() {
        assertEquals(GLOBEX, CompanyMatch.choose("GLOBEX, Inc.", null, List.of(GLOBEX)).orElseThrow());
        assertEquals(ACME, CompanyMatch.choose("acme corporation", "gmail.com", List.of(ACME, ACME_ROBOTICS)).orElseThrow());
    }

    @Test
    void two_companies_a_name_could_mean_and_nothing_to_tell_them_apart_is_a_question() {
        Company foods = company("Acme Foods", "acmefoods.example");
        CrmException asked = assertThrows(CrmException.class,
                () -> CompanyMatch.choose("Acme", "gmail.com", List.of(foods, ACME_ROBOTICS)));
        assertTrue(asked.fieldErrors().get("companyName").contains("Acme Foods or Acme Robotics"), asked.fieldErrors().toString());
        assertEquals(ACME, CompanyMatch.choose("Acme", null, List.of(ACME, ACME_ROBOTICS)).orElseThrow(),
                "Acme is Acme Corporation: only the legal form differs");
    }

    @Test
    void a_name_no_company_has_is_a_new_company() {
        assertTrue(CompanyMatch.choose("Initech", "initech.example", List.of(ACME, GLOBEX)).isEmpty());
        assertTrue(CompanyMatch.choose("Acme Robotics Europe", null, List.of(ACME_ROBOTICS)).isEmpty());
    }

    private static Company company(String name, String domain) {
        return new Company(UUID.randomUUID(), name, domain, null, null, null, null, null, Map.of(), null, null, null);
    }
}
