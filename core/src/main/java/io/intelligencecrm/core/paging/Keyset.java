package io.intelligencecrm.core.paging;

import com.fasterxml.jackson.databind.JsonNode;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.json.Json;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Keyset pagination: "rows after (sort value, id)" instead of OFFSET, so page 1,000 costs the same
 * as page 1. The cursor is an opaque base64 token of the last row's sort value and id.
 */
public final class Keyset {
    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_LIMIT = 25;

    private final SortKey key;
    private final boolean descending;
    private final Object after;
    private final UUID afterId;
    private final int limit;

    private Keyset(SortKey key, boolean descending, Object after, UUID afterId, int limit) {
        this.key = key;
        this.descending = descending;
        this.after = after;
        this.afterId = afterId;
        this.limit = limit;
    }

    public static Keyset of(SortKey key, boolean descending, String cursor, Integer limit) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) throw CrmException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        if (cursor == null || cursor.isBlank()) return new Keyset(key, descending, null, null, size);
        try {
            JsonNode node = Json.mapper().readTree(Base64.getUrlDecoder().decode(cursor));
            if (!key.name().equals(node.path("s").asText())) throw new IllegalArgumentException("other sort");
            Object value = switch (key.kind()) {
                case TIMESTAMP -> Timestamp.from(Instant.parse(node.get("v").asText()));
                case TEXT -> node.get("v").asText();
                case NUMBER -> new BigDecimal(node.get("v").asText());
            };
            return new Keyset(key, descending, value, UUID.fromString(node.get("id").asText()), size);
        } catch (Exception e) {
            throw CrmException.invalid("cursor", "is not a cursor from this list (it was issued for another sort or is corrupt)");
        }
    }

    /** The condition for rows after the cursor, or "true"; binds {@code :keysetValue} and {@code :keysetId}. */
    public String condition(String idColumn) {
        if (afterId == null) return "true";
        return "(" + key.sqlExpression() + ", " + idColumn + ") " + (descending ? "<" : ">") + " (:keysetValue, :keysetId)";
    }

    public Map<String, Object> bindings() {
        Map<String, Object> bindings = new LinkedHashMap<>();
        if (afterId != null) {
            bindings.put("keysetValue", after);
            bindings.put("keysetId", afterId);
        }
        return bindings;
    }

    /**
     * The ordering and limit. The limit is a validated number written into the SQL, not a parameter:
     * with a parameter the planner cannot know the page is small and sorts the whole tenant.
     */
    public String orderBy(String idColumn) {
        String direction = descending ? " desc" : " asc";
        return " order by " + key.sqlExpression() + direction + ", " + idColumn + direction + " limit " + (limit + 1);
    }

    /** Turns the fetched rows (one more than the limit) into a page. */
    public <T> Page<T> page(List<Sorted<T>> rows, Function<T, UUID> id) {
        List<T> all = rows.stream().map(Sorted::row).toList();
        if (rows.size() <= limit) return new Page<>(all, null);
        List<T> items = all.subList(0, limit);
        T last = items.getLast();
        Object value = rows.get(limit - 1).sortValue();
        Map<String, String> token = Map.of("s", key.name(), "v", String.valueOf(value instanceof Timestamp t
                ? t.toInstant() : value), "id", id.apply(last).toString());
        try {
            String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    Json.mapper().writeValueAsString(token).getBytes(StandardCharsets.UTF_8));
            return new Page<>(List.copyOf(items), cursor);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
