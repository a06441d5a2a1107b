package io.intelligencecrm.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intelligencecrm.core.contact.LifecycleStage;
import io.intelligencecrm.core.testing.TestPostgres;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RecordRowMappersTest {
    private static Database database;

    record Row(UUID id, String firstName, LifecycleStage lifecycleStage, Map<String, Object> custom, BigDecimal score,
               Instant createdAt, int seats) {
    }

    record NeedsMissing(UUID id, String missingColumn) {
    }

    @BeforeAll
    static void database() {
        database = TestPostgres.get().openFreshDatabase(2);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void maps_snake_case_columns_to_record_components_through_the_registered_column_mappers() {
        UUID id = UUID.randomUUID();
        Row row = database.jdbi().withHandle(handle -> handle.createQuery("""
                        select 'ignored' as extra, cast(:id as uuid) as id, 'Ada' as first_name, 'customer' as lifecycle_stage,
                               '{"plan": "pro", "seats": 3}'::jsonb as custom, 4.5 as score,
                               timestamptz '2026-11-24 10:00:00Z' as created_at, 7 as "SEATS"
                        """).bind("id", id).mapTo(Row.class).one());

        assertEquals(new Row(id, "Ada", LifecycleStage.CUSTOMER, Map.of("plan", "pro", "seats", 3), new BigDecimal("4.5"),
                Instant.parse("2026-11-24T10:00:00Z"), 7), row);
    }

    @Test
    void maps_nulls_and_keeps_mapping_the_same_columns_on_later_statements() {
        for (int i = 0; i < 3; i++) {
            Row row = database.jdbi().withHandle(handle -> handle.createQuery("""
                    select null::uuid as id, null as first_name, null as lifecycle_stage, null::jsonb as custom,
                           null::numeric as score, null::timestamptz as created_at, 0 as seats""").mapTo(Row.class).one());
            assertNull(row.id());
            assertNull(row.custom());
            assertNull(row.createdAt());
        }
    }

    @Test
    void a_component_without_a_column_is_still_reported_by_jdbi() {
        RuntimeException refused = assertThrows(RuntimeException.class, () -> database.jdbi().withHandle(handle ->
                handle.createQuery("select gen_random_uuid() as id").mapTo(NeedsMissing.class).one()));
        assertTrue(refused.getMessage().contains("missingColumn"), refused.getMessage());
    }
}
