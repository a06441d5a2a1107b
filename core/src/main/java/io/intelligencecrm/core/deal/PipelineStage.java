package io.intelligencecrm.core.deal;

import java.math.BigDecimal;
import java.util.Map;

/** One column of the pipeline: how many deals and their value, per currency (never summed across). */
public record PipelineStage(DealStage stage, long deals, Map<String, BigDecimal> valueByCurrency) {
}
