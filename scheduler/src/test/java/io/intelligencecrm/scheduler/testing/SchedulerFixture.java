package io.intelligencecrm.scheduler.testing;

import dev.langchain4j.model.chat.StreamingChatModel;
import io.intelligencecrm.agent.AgentServices;
import io.intelligencecrm.knowledge.KnowledgeServices;
import io.intelligencecrm.core.outbox.OutboxDispatcher;
import io.intelligencecrm.outreach.testing.OutreachFixture;
import io.intelligencecrm.scheduler.SchedulerServices;
import io.intelligencecrm.scheduler.triggers.WorkflowTriggers;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Outreach's fixture (database, GreenMail) plus the agent with a given model and the workflow engine. */
public final class SchedulerFixture implements AutoCloseable {
    public final OutreachFixture outreach;
    public final KnowledgeServices knowledge;
    public final AgentServices agent;
    public final SchedulerServices scheduler;
    public final OutboxDispatcher mail;

    public SchedulerFixture(StreamingChatModel model) {
        this(model, Map.of());
    }

    public SchedulerFixture(StreamingChatModel model, Map<String, String> environment) {
        outreach = new OutreachFixture(environment, Clock.systemUTC(), List.of(new WorkflowTriggers()));
        knowledge = KnowledgeServices.create(outreach.database, outreach.settings.knowledge(), outreach.core.audit(),
                outreach.core.outbox());
        agent = AgentServices.create(outreach.database, outreach.settings.agent(), Clock.systemUTC(), outreach.core,
                knowledge.search(), model);
        scheduler = SchedulerServices.create(outreach.database, outreach.settings.scheduler(), Duration.ofMillis(100),
                Clock.systemUTC(), outreach.core, agent, outreach.outreach);
        mail = outreach.dispatcher(outreach.outreach.deliveryHandlers().toArray(new io.intelligencecrm.core.outbox.OutboxHandler[0]));
    }

    /** Runs workflow events and steps, then mail and texts, until nothing is left to do now. */
    public void settle() {
        for (int i = 0; i < 10; i++) {
            int handled = scheduler.dispatcher().drain() + mail.drain();
            if (handled == 0) return;
        }
    }

    @Override
    public void close() {
        scheduler.close();
        knowledge.close();
        outreach.close();
    }
}
