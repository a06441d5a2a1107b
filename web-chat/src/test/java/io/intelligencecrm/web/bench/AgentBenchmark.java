package io.intelligencecrm.web.bench;

import io.intelligencecrm.agent.chat.AgentEventSink;
import io.intelligencecrm.agent.chat.ChatInput;
import io.intelligencecrm.agent.chat.ChatReply;
import io.intelligencecrm.agent.chat.ChatService;
import io.intelligencecrm.core.config.Settings;
import io.intelligencecrm.core.demo.DemoData;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.web.CrmApplication;
import io.intelligencecrm.web.testing.TestServer;
import java.util.Map;
import java.util.UUID;

/**
 * ./crm bench agent — the agent's own overhead per turn on the demo tenant: a zero-latency model
 * asks for two tools (a contact search and the pipeline) and then answers, so everything measured
 * is the runtime's (memory reads and writes in PostgreSQL, tool execution with audit, events, the
 * usage ledger and budget check), less the microseconds spent inside the model.
 */
public final class AgentBenchmark {
    private static final int WARM_UP = 300;
    private static final int TURNS = 2000;
    private static final int TURNS_PER_CONVERSATION = 20;

    private AgentBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        ZeroLatencyModel model = new ZeroLatencyModel();
        CrmApplication application = TestServer.start(Map.of(), model);
        try {
            ChatService chat = application.agent().chat();
            TenantId tenant = application.services().directory().findBySlugOrDomain(DemoData.SLUG).orElseThrow().tenantId();
            UUID rep = application.services().users().list(Actor.user(tenant, null, Role.ADMIN)).stream()
                    .filter(user -> user.role() == Role.REP).findFirst().orElseThrow().id();
            Actor actor = Actor.user(tenant, rep, Role.REP);

            run(chat, actor, WARM_UP);
            long insideBefore = model.nanosInside();
            long[] nanos = run(chat, actor, TURNS);
            double modelMillis = (model.nanosInside() - insideBefore) / 1e6 / TURNS;

            LatencyStats stats = new LatencyStats("agent turn (2 tool calls)", TURNS, sum(nanos) / 1e9, nanos);
            System.out.println();
            System.out.printf("%d turns, one at a time, %d per conversation, zero-latency model, demo tenant%n", TURNS,
                    TURNS_PER_CONVERSATION);
            System.out.println(stats.line());
            System.out.printf("time inside the model: %.3f ms per turn (included above)%n", modelMillis);
            System.out.printf("targets: p50 <= 10 ms, p99 <= 30 ms -> %s%n",
                    stats.percentileMillis(50) <= 10 && stats.percentileMillis(99) <= 30 ? "met" : "NOT met");
        } finally {
            application.stop();
        }
    }

    private static long[] run(ChatService chat, Actor actor, int turns) {
        long[] nanos = new long[turns];
        UUID conversation = null;
        for (int i = 0; i < turns; i++) {
            if (i % TURNS_PER_CONVERSATION == 0) conversation = null;
            long started = System.nanoTime();
            ChatReply reply = chat.send(actor, new ChatInput(conversation, "Who is Garcia, and how is the pipeline?",
                    "api"), AgentEventSink.IGNORE);
            nanos[i] = System.nanoTime() - started;
            if (reply.failed() || reply.toolCalls() != 2) {
                throw new IllegalStateException("turn " + i + " did not run as scripted: " + reply);
            }
            conversation = reply.conversationId();
        }
        return nanos;
    }

    private static long sum(long[] values) {
        long total = 0;
        for (long value : values) total += value;
        return total;
    }
}
