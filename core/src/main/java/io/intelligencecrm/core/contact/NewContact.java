package io.intelligencecrm.core.contact;

import java.util.Map;
import java.util.UUID;

public record NewContact(UUID companyId, UUID ownerId, String firstName, String lastName, String email,
                         String phone, String title, LifecycleStage lifecycleStage, String source, String country,
                         Map<String, Object> custom) {
}
