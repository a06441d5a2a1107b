package io.intelligencecrm.core.logging;

import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.tenant.TenantId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.MDC;

/**
 * What every log line of a request, agent turn, job or workflow run carries (the logging MDC): ids
 * only, never content. A scope puts its keys in and, when closed, puts back what was there before,
 * so nested scopes (a turn inside a request) and pooled threads stay correct.
 */
public final class LogContext {
    public static final String REQUEST_ID = "requestId";
    public static final String TRACE_ID = "traceId";
    public static final String TENANT_ID = "tenantId";
    public static final String USER_ID = "userId";
    public static final String JOB = "job";
    public static final String RUN_ID = "runId";
    public static final String CONVERSATION_ID = "conversationId";

    private LogContext() {
    }

    /** @param keysAndValues key, value, key, value ...; a null value removes the key for the scope */
    public static Scope with(String... keysAndValues) {
        if (keysAndValues.length % 2 != 0) throw new IllegalArgumentException("keys and values come in pairs");
        Map<String, String> previous = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            String key = keysAndValues[i];
            if (!previous.containsKey(key)) previous.put(key, MDC.get(key));
            put(key, keysAndValues[i + 1]);
        }
        return new Scope(previous);
    }

    public static Scope tenant(TenantId tenant) {
        return with(TENANT_ID, tenant == null ? null : tenant.value().toString());
    }

    public static Scope actor(Actor actor) {
        return with(TENANT_ID, actor.tenant().value().toString(),
                USER_ID, actor.userId() == null ? null : actor.userId().toString());
    }

    /** A background job's work, optionally for one tenant. */
    public static Scope job(String job, TenantId tenant) {
        return with(JOB, job, TENANT_ID, tenant == null ? null : tenant.value().toString());
    }

    /** The task with the caller's context, for work handed to another thread. */
    public static Runnable carried(Runnable task) {
        Map<String, String> context = MDC.getCopyOfContextMap();
        return () -> {
            Map<String, String> before = MDC.getCopyOfContextMap();
            if (context == null) MDC.clear(); else MDC.setContextMap(context);
            try {
                task.run();
            } finally {
                if (before == null) MDC.clear(); else MDC.setContextMap(before);
            }
        };
    }

    private static void put(String key, String value) {
        if (value == null) MDC.remove(key); else MDC.put(key, value);
    }

    /** Restores the keys it changed when closed. Not thread-safe: close it on the thread that opened it. */
    public static final class Scope implements AutoCloseable {
        private final Map<String, String> previous;

        private Scope(Map<String, String> previous) {
            this.previous = previous;
        }

        @Override
        public void close() {
            previous.forEach(LogContext::put);
        }
    }
}
