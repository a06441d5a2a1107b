package io.intelligencecrm.web.bench;

import io.intelligencecrm.agent.chat.AgentEventSink;
import io.intelligencecrm.agent.chat.ChatInput;
import io.intelligencecrm.agent.chat.ChatReply;
import io.intelligencecrm.agent.chat.ChatService;
import io.intelligencecrm.core.contact.Contact;
import io.intelligencecrm.core.contact.ContactQuery;
import io.intelligencecrm.core.demo.DemoData;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.web.CrmApplication;
import io.intelligencecrm.web.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * ./crm bench agent --offline: whole turns of the offline model on the demo tenant, as a rep types them
 * (reads, writes, follow-ups; names of the tenant's own contacts and companies), through ChatService
 * with the records matcher, the embedding of the message, the tools, audit and memory. A new
 * conversation every few turns, so follow-ups have context and memory stays realistic.
 */
final class OfflineTurnBenchmark {
    private static final int WARM_UP = 60;
    private static final int TURNS = 600;
    private static final int TURNS_PER_CONVERSATION = 6;
    private static final List<String> COMPANIES = List.of("Acme", "Globex", "Initech", "Hooli", "Umbrella Health", "Pied Piper");
    private static final List<String> TEMPLATES = List.of(
            "who is {contact}?",
            "log a call with {contact}: discussed pricing, wants a quote",
            "what's going on with {company}?",
            "how many open deals do i have",
            "show me deals over 50k",
            "remind me to follow up with {contact} next Tuesday",
            "how much did we close last month?",
            "whats my pipeline worth",
            "who haven't I talked to in a month?",
            "new deal for {contact}: {company} expansion, 20k, closing in 3 weeks",
            "hi",
            "bump the {company} deal to negotiation",
            "she's the VP of Engineering",
            "list my leads with a score over 70",
            "undo that",
            "every Monday 9am email me my stale deals");

    private OfflineTurnBenchmark() {
    }

    static void run() {
        CrmApplication application = TestServer.start(Map.of(), null);
        try {
            ChatService chat = application.agent().chat();
            TenantId tenant = application.services().directory().findBySlugOrDomain(DemoData.SLUG).orElseThrow().tenantId();
            UUID rep = application.services().users().list(Actor.user(tenant, null, Role.ADMIN)).stream()
                    .filter(user -> user.role() == Role.REP).findFirst().orElseThrow().id();
            Actor actor = Actor.user(tenant, rep, Role.REP);
            List<String> contacts = application.services().contacts().list(actor, ContactQuery.all().withLimit(12)).items()
                    .stream().map(Contact::fullName).toList();
            List<String> messages = messages(contacts);
            turns(chat, actor, messages, WARM_UP);
            long[] nanos = turns(chat, actor, messages, TURNS);
            LatencyStats stats = LatencyStats.sequential("offline model turn", nanos);
            System.out.println();
            System.out.printf("%d turns of %d kinds, one at a time, %d per conversation, offline model, demo tenant%n", TURNS,
                    TEMPLATES.size(), TURNS_PER_CONVERSATION);
            System.out.println(stats.line());
            System.out.printf("targets: p50 <= 50 ms, p99 <= 250 ms -> %s%n",
                    stats.percentileMillis(50) <= 50 && stats.percentileMillis(99) <= 250 ? "met" : "NOT met");
        } finally {
            application.stop();
        }
    }

    private static List<String> messages(List<String> contacts) {
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < TEMPLATES.size() * 3; i++) {
            messages.add(TEMPLATES.get(i % TEMPLATES.size()).replace("{contact}", contacts.get(i % contacts.size()))
                    .replace("{company}", COMPANIES.get(i % COMPANIES.size())));
        }
        return messages;
    }

    private static long[] turns(ChatService chat, Actor actor, List<String> messages, int turns) {
        long[] nanos = new long[turns];
        UUID conversation = null;
        for (int i = 0; i < turns; i++) {
            if (i % TURNS_PER_CONVERSATION == 0) conversation = null;
            long started = System.nanoTime();
            ChatReply reply = chat.send(actor, new ChatInput(conversation, messages.get(i % messages.size()), "api"),
                    AgentEventSink.IGNORE);
            nanos[i] = System.nanoTime() - started;
            if (reply.failed()) throw new IllegalStateException("turn " + i + " failed: " + reply.text());
            conversation = reply.conversationId();
        }
        return nanos;
    }
}
