package io.intelligencecrm.core.contact;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A person the team sells to. {@code score} is the latest lead score (0-100), null until scored. */
public record Contact(UUID id, UUID companyId, String companyName, UUID ownerId, String firstName, String lastName,
                      String email, String phone, String title, LifecycleStage lifecycleStage, String source,
                      String country, Map<String, Object> custom, BigDecimal score, Instant scoreCalculatedAt,
                      Instant createdAt, Instant updatedAt, Instant deletedAt, UUID mergedInto) {

    public String fullName() {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
        return name.isEmpty() && email != null ? email : name;
    }
}
