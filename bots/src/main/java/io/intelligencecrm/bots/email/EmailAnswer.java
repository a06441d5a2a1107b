package io.intelligencecrm.bots.email;

import io.intelligencecrm.agent.chat.AgentEvent;
import io.intelligencecrm.agent.chat.AgentEventSink;
import io.intelligencecrm.tools.ProposalResult;
import io.intelligencecrm.tools.TableResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Collects a turn's tables and proposals and renders the whole answer as plain text for a mail:
 * tables as aligned columns, and for each proposal how to approve it by replying.
 */
final class EmailAnswer implements AgentEventSink {
    private static final int MAX_ROWS = 50;
    private static final int MAX_CELL = 40;

    private final List<TableResult> tables = new ArrayList<>();
    private final List<ProposalResult> proposals = new ArrayList<>();

    @Override
    public synchronized void accept(AgentEvent event) {
        if (event instanceof AgentEvent.Table table) tables.add(table.table());
        if (event instanceof AgentEvent.ProposalCreated created) proposals.add(created.proposal());
    }

    synchronized List<String> parts(String answer) {
        List<String> parts = new ArrayList<>();
        parts.add(answer == null || answer.isBlank() ? "(no answer)" : answer.strip());
        for (TableResult table : tables) parts.add(table(table));
        if (proposals.size() == 1) {
            parts.add("Waiting for your approval: " + proposals.getFirst().summary() + "\n"
                    + "Reply \"approve\" to this email to do it, or \"reject\" to cancel it. Nothing happens until you do.");
        } else if (proposals.size() > 1) {
            StringBuilder out = new StringBuilder("Waiting for your approval:\n");
            proposals.forEach(p -> out.append("- ").append(p.summary()).append('\n'));
            parts.add(out.append("Several actions are waiting: approve each in the CRM's chat or inbox.").toString());
        }
        return parts;
    }

    private static String table(TableResult table) {
        List<Integer> shown = new ArrayList<>();
        for (int c = 0; c < table.columns().size(); c++) {
            if (!table.columns().get(c).equalsIgnoreCase("id")) shown.add(c);
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(shown.stream().map(table.columns()::get).toList());
        table.rows().stream().limit(MAX_ROWS).forEach(row -> rows.add(shown.stream()
                .map(c -> c < row.size() ? clip(Objects.toString(row.get(c), "")) : "").toList()));
        int[] widths = new int[shown.size()];
        for (List<String> row : rows) {
            for (int c = 0; c < row.size(); c++) widths[c] = Math.max(widths[c], row.get(c).length());
        }
        StringBuilder out = new StringBuilder(table.title()).append('\n');
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.size(); c++) {
                line.append(c == 0 ? "" : "  ").append(row.get(c)).append(" ".repeat(widths[c] - row.get(c).length()));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        long more = Math.max(table.totalRows(), table.rows().size()) - Math.min(table.rows().size(), MAX_ROWS);
        if (more > 0) out.append("(").append(more).append(" more not shown)\n");
        return out.toString().stripTrailing();
    }

    private static String clip(String cell) {
        String flat = cell.replace('\n', ' ');
        return flat.length() <= MAX_CELL ? flat : flat.substring(0, MAX_CELL - 1) + "…";
    }
}
