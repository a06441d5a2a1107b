package io.intelligencecrm.web.metrics;

import io.intelligencecrm.bots.email.MailboxWatchers;
import io.intelligencecrm.core.metrics.CrmMetrics;
import io.intelligencecrm.core.outbox.OutboxBacklog;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * The application's metrics registry in Prometheus format, for as long as the application runs:
 * JVM and process meters, the product's own (recorded through Micrometer's global registry, which
 * this one joins), and gauges read from this application's state at scrape time.
 */
public final class ApplicationMetrics implements AutoCloseable {
    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics gc;

    private ApplicationMetrics(PrometheusMeterRegistry registry, JvmGcMetrics gc) {
        this.registry = registry;
        this.gc = gc;
    }

    public static ApplicationMetrics start(String modelProvider) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        Gauge.builder("crm.build.info", () -> 1).description("The running version, as a label")
                .tag("version", BuildInfo.version()).register(registry);
        Metrics.addRegistry(registry);
        CrmMetrics.registerBaseline(modelProvider);
        return new ApplicationMetrics(registry, gc);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** The current values in Prometheus' text format. */
    public String scrape() {
        return registry.scrape();
    }

    /**
     * Backlog gauges for every kind the dispatchers deliver, and the embedding queue (the kinds that
     * make vectors) as one number.
     */
    public void watchOutbox(OutboxBacklog backlog, Collection<String> kinds, Collection<String> embeddingKinds) {
        Set<String> all = new TreeSet<>(kinds);
        for (String kind : all) {
            Gauge.builder("crm.outbox.pending", () -> due(backlog, kind))
                    .description("Outbox messages due for delivery and not yet delivered").tag("kind", kind)
                    .register(registry);
            Gauge.builder("crm.outbox.scheduled", () -> scheduled(backlog, kind))
                    .description("Outbox messages waiting for a later time on purpose").tag("kind", kind)
                    .register(registry);
            Gauge.builder("crm.outbox.oldest.pending.age", () -> backlog.oldestDueAgeSeconds(kind))
                    .description("How long the oldest due message has waited").tag("kind", kind).baseUnit("seconds")
                    .register(registry);
        }
        Gauge.builder("crm.embedding.queue.depth", () -> embeddingKinds.stream()
                        .mapToDouble(kind -> due(backlog, kind) + scheduled(backlog, kind)).sum())
                .description("Records and document chunks waiting to be embedded").register(registry);
    }

    private static double due(OutboxBacklog backlog, String kind) {
        OutboxBacklog.Kind of = backlog.of(kind);
        return of == null ? Double.NaN : of.due();
    }

    private static double scheduled(OutboxBacklog backlog, String kind) {
        OutboxBacklog.Kind of = backlog.of(kind);
        return of == null ? Double.NaN : of.scheduled();
    }

    /** How many email bot mailboxes this node reads, and how many of them failed their last read. */
    public void watchMailboxes(MailboxWatchers watchers) {
        Gauge.builder("crm.mailbox.watchers", watchers::watching).tag("state", "watching")
                .description("Email bot mailboxes this node reads").register(registry);
        Gauge.builder("crm.mailbox.watchers", watchers::failing).tag("state", "failing")
                .description("Email bot mailboxes this node reads").register(registry);
    }

    @Override
    public void close() {
        Metrics.removeRegistry(registry);
        gc.close();
        registry.close();
    }
}
