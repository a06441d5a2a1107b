package io.intelligencecrm.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Role and database names go into DDL as identifiers, so anything but a plain name is refused. */
class ClusterBootstrapTest {

    @Test
    void plain_lower_case_names_are_accepted() {
        for (String name : List.of("crm", "crm_owner", "_app2")) assertEquals(name, ClusterBootstrap.identifier(name));
    }

    @Test
    void names_that_would_need_quoting_are_refused() {
        for (String name : List.of("Crm", "crm-app", "crm; drop database crm", "1crm", "", "a".repeat(64))) {
            assertThrows(PostgresStartException.class, () -> ClusterBootstrap.identifier(name), name);
        }
    }
}
