package io.intelligencecrm.core.config;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Metrics and logs. Metrics are served in Prometheus text format at {@code metricsPath}: on a
 * management listener of their own (CRM_METRICS_PORT, never the public one), and/or on the public
 * listener to callers presenting the bearer token CRM_METRICS_TOKEN. With neither, nothing serves
 * them. Logs are readable lines or one JSON object per line (CRM_LOG_FORMAT, which logback.xml reads).
 */
public record ObservabilitySettings(String metricsPath, OptionalInt metricsPort, String metricsHost,
                                    Optional<String> metricsToken, String logFormat) {
    private static final Set<String> LOG_FORMATS = Set.of("text", "json");

    static ObservabilitySettings from(Env env) {
        String path = env.string("CRM_METRICS_PATH", "/metrics");
        if (!path.matches("/[A-Za-z0-9/_.-]*")) env.problem("CRM_METRICS_PATH must be a path such as /metrics");
        int port = env.integer("CRM_METRICS_PORT", -1, 0, 65535);
        Optional<String> token = env.optional("CRM_METRICS_TOKEN");
        if (token.isPresent() && token.get().length() < 24) {
            env.problem("CRM_METRICS_TOKEN must be at least 24 characters (openssl rand -hex 16)");
        }
        String format = env.string("CRM_LOG_FORMAT", "text").toLowerCase();
        if (!LOG_FORMATS.contains(format)) env.problem("CRM_LOG_FORMAT must be text or json, was '" + format + "'");
        return new ObservabilitySettings(path, port < 0 ? OptionalInt.empty() : OptionalInt.of(port),
                env.string("CRM_METRICS_HOST", "127.0.0.1"), token, format);
    }

    /** Whether anything serves the metrics. */
    public boolean metricsServed() {
        return metricsPort.isPresent() || metricsToken.isPresent();
    }
}
