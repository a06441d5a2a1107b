package io.intelligencecrm.core.company;

import java.util.UUID;

/** @param sort created (default), updated or name */
public record CompanyQuery(String q, UUID ownerId, String industry, String country, String sort, Boolean descending,
                          String cursor, Integer limit, boolean deleted) {
    public static CompanyQuery named(String q, int limit) {
        return new CompanyQuery(q, null, null, null, "name", false, null, limit, false);
    }
}
