package io.intelligencecrm.bots;

import io.intelligencecrm.agent.chat.AgentEvent;
import io.intelligencecrm.agent.chat.AgentEventSink;
import io.intelligencecrm.tools.ProposalResult;
import io.intelligencecrm.tools.TableResult;
import java.util.ArrayList;
import java.util.List;

/** A turn's tables and proposals, to render once it ended; bots do not stream tokens. */
public final class TurnOutput implements AgentEventSink {
    private final List<TableResult> tables = new ArrayList<>();
    private final List<ProposalResult> proposals = new ArrayList<>();

    @Override
    public synchronized void accept(AgentEvent event) {
        if (event instanceof AgentEvent.Table table) tables.add(table.table());
        if (event instanceof AgentEvent.ProposalCreated created) proposals.add(created.proposal());
    }

    public synchronized List<TableResult> tables() {
        return List.copyOf(tables);
    }

    public synchronized List<ProposalResult> proposals() {
        return List.copyOf(proposals);
    }
}
