package io.intelligencecrm.core.contact;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

public record LatestScore(BigDecimal score, String modelVersion, Map<String, Object> metadata, Instant calculatedAt) {
}
