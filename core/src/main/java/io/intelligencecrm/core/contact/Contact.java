package io.intelligencecrm.core.contact;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

public record Contact(UUID id, UUID companyId, UUID ownerId, String firstName, String lastName, String email,
                      String phone, String title, LifecycleStage lifecycleStage, String source, String country,
                      Map<String, Object> custom, Instant createdAt, Instant updatedAt, Instant deletedAt) {

    public String fullName() {
        return (firstName + " " + lastName).trim();
    }
}
