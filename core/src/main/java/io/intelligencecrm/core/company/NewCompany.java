package io.intelligencecrm.core.company;

import java.util.Map;
import java.util.UUID;

public record NewCompany(String name, String domain, String industry, String sizeBand, String country,
                         String website, UUID ownerId, Map<String, Object> custom) {
}
