package io.intelligencecrm.core.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;

/**
 * The product's own metrics, every name in one place. They are recorded through Micrometer's global
 * registry, which works like SLF4J's logger factory: code anywhere records, and the composition root
 * attaches the registry it exposes (Prometheus) for the application's life. Gauges that read the
 * state of one application (pools, queues, watchers) are bound by the composition root instead.
 * A tenant is never a tag (one series per tenant would not scale); per-tenant usage stays in the
 * database. Tag values come from small fixed sets: kinds, providers, tool names, outcomes.
 */
public final class CrmMetrics {
    public static final String OUTBOX_MESSAGES = "crm.outbox.messages";
    public static final String MODEL_CALLS = "crm.model.calls";
    public static final String MODEL_TOKENS = "crm.model.tokens";
    public static final String TOOL_CALLS = "crm.tool.calls";
    public static final String AGENT_TURNS = "crm.agent.turns";
    public static final String BUDGET_EXHAUSTED = "crm.agent.budget.exhausted";
    public static final String WORKFLOW_RUNS = "crm.workflow.runs";
    public static final String QUARTZ_FIRES = "crm.quartz.fires";
    public static final String QUARTZ_MISFIRES = "crm.quartz.misfires";
    public static final String EMBEDDINGS = "crm.embeddings";
    public static final String RESCORING_JOBS = "crm.rescoring.jobs";
    public static final String DELIVERIES = "crm.deliveries";
    public static final String MAILBOX_POLLS = "crm.mailbox.polls";

    /** The Quartz jobs the product schedules, as they are tagged. */
    public static final List<String> QUARTZ_JOBS = List.of("workflow", "deal-idle-scan", "bounce-scan");

    private static final Duration[] MODEL_BUCKETS = seconds(0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60);
    private static final Duration[] TOOL_BUCKETS = seconds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10);

    private CrmMetrics() {
    }

    /**
     * Creates the series alerts watch at zero, so a rule has a series to read before the first
     * failure (Prometheus cannot tell "none yet" from "not exported").
     */
    public static void registerBaseline(String modelProvider) {
        for (String outcome : List.of("ok", "error")) modelTimer(modelProvider, outcome);
        for (String type : List.of("input", "output")) counter(MODEL_TOKENS, "provider", modelProvider, "type", type);
        counter(BUDGET_EXHAUSTED);
        for (String job : QUARTZ_JOBS) {
            counter(QUARTZ_FIRES, "job", job);
            counter(QUARTZ_MISFIRES, "job", job);
        }
        for (String outcome : List.of("succeeded", "failed", "cancelled")) counter(WORKFLOW_RUNS, "outcome", outcome);
        for (String outcome : List.of("sent", "bounced", "suppressed", "failed")) {
            counter(DELIVERIES, "channel", "email", "outcome", outcome);
        }
        for (String outcome : List.of("ok", "error")) counter(MAILBOX_POLLS, "outcome", outcome);
        for (String outcome : List.of("succeeded", "failed")) counter(RESCORING_JOBS, "outcome", outcome);
        counter(EMBEDDINGS);
    }

    /** Messages an outbox handler finished: done, retry (failed for now), failed (for good) or deferred. */
    public static void outboxHandled(String kind, String outcome, int count) {
        if (count > 0) counter(OUTBOX_MESSAGES, "kind", kind, "outcome", outcome).increment(count);
    }

    public static void modelCall(String provider, boolean ok, Duration elapsed) {
        modelTimer(provider, ok ? "ok" : "error").record(elapsed);
    }

    public static void modelTokens(String provider, long input, long output) {
        if (input > 0) counter(MODEL_TOKENS, "provider", provider, "type", "input").increment(input);
        if (output > 0) counter(MODEL_TOKENS, "provider", provider, "type", "output").increment(output);
    }

    public static void toolCall(String tool, boolean ok, Duration elapsed) {
        Timer.builder(TOOL_CALLS).description("Agent tool calls by tool and outcome")
                .tags("tool", tool, "outcome", ok ? "ok" : "error")
                .serviceLevelObjectives(TOOL_BUCKETS)
                .register(Metrics.globalRegistry).record(elapsed);
    }

    /** @param outcome "ok" or the failure code the chat shows (timeout, tool-limit, rate-limited ...) */
    public static void agentTurn(String channel, String outcome) {
        counter(AGENT_TURNS, "channel", channel == null ? "api" : channel, "outcome", outcome == null ? "failed" : outcome)
                .increment();
    }

    public static void budgetExhausted() {
        counter(BUDGET_EXHAUSTED).increment();
    }

    /** A run that ended: succeeded, failed or cancelled. */
    public static void workflowRun(String outcome) {
        counter(WORKFLOW_RUNS, "outcome", outcome).increment();
    }

    public static void quartzFired(String job) {
        counter(QUARTZ_FIRES, "job", job).increment();
    }

    public static void quartzMisfired(String job) {
        counter(QUARTZ_MISFIRES, "job", job).increment();
    }

    /** Texts turned into vectors (records, notes, document chunks). */
    public static void embedded(int texts) {
        if (texts > 0) counter(EMBEDDINGS).increment(texts);
    }

    public static void rescoringJob(boolean succeeded) {
        counter(RESCORING_JOBS, "outcome", succeeded ? "succeeded" : "failed").increment();
    }

    /**
     * Outgoing messages (email, sms) that reached an outcome: sent, bounced, suppressed (not sent to an
     * unsubscribed or bounced address), failed, or deferred (tried again later).
     */
    public static void delivered(String channel, String outcome, int count) {
        if (count > 0) counter(DELIVERIES, "channel", channel, "outcome", outcome).increment(count);
    }

    public static void mailboxPoll(boolean ok) {
        counter(MAILBOX_POLLS, "outcome", ok ? "ok" : "error").increment();
    }

    private static Timer modelTimer(String provider, String outcome) {
        return Timer.builder(MODEL_CALLS).description("Calls to the agent's model by provider and outcome")
                .tags("provider", provider, "outcome", outcome)
                .serviceLevelObjectives(MODEL_BUCKETS)
                .register(Metrics.globalRegistry);
    }

    private static Counter counter(String name, String... tags) {
        return Counter.builder(name).tags(tags).register(Metrics.globalRegistry);
    }

    private static Duration[] seconds(double... values) {
        Duration[] durations = new Duration[values.length];
        for (int i = 0; i < values.length; i++) durations[i] = Duration.ofNanos((long) (values[i] * 1_000_000_000L));
        return durations;
    }
}
