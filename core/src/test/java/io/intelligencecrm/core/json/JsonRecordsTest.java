package io.intelligencecrm.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.intelligencecrm.core.contact.LifecycleStage;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JsonRecordsTest {
    record Row(UUID id, UUID missing, Instant at, LifecycleStage stage) {
    }

    @Test
    void writes_ids_instants_and_stages_of_records_as_text() throws Exception {
        UUID id = UUID.fromString("0b5c8a3e-7f21-4c7e-9d0a-1e2f3a4b5c6d");
        Row row = new Row(id, null, Instant.parse("2026-11-24T10:27:04.659238Z"), LifecycleStage.CUSTOMER);
        // Several times: a property writer can change how it reads the record after its first use.
        for (int i = 0; i < 3; i++) {
            String json = Json.mapper().writeValueAsString(row);
            assertEquals("{\"id\":\"0b5c8a3e-7f21-4c7e-9d0a-1e2f3a4b5c6d\",\"missing\":null,"
                    + "\"at\":\"2026-11-24T10:27:04.659238Z\",\"stage\":\"customer\"}", json);
        }
    }
}
