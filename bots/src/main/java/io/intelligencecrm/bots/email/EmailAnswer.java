package io.intelligencecrm.bots.email;

import io.intelligencecrm.bots.TextTables;
import io.intelligencecrm.bots.TurnOutput;
import io.intelligencecrm.tools.ProposalResult;
import io.intelligencecrm.tools.TableResult;
import java.util.ArrayList;
import java.util.List;

/**
 * A turn's whole answer as plain text for a mail: the text, tables as aligned columns, and for a
 * proposal how to approve it by replying.
 */
final class EmailAnswer {
    private static final int MAX_ROWS = 50;

    private EmailAnswer() {
    }

    static List<String> parts(String answer, TurnOutput output) {
        List<String> parts = new ArrayList<>();
        parts.add(answer == null || answer.isBlank() ? "(no answer)" : answer.strip());
        for (TableResult table : output.tables()) parts.add(table(table));
        List<ProposalResult> proposals = output.proposals();
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
        StringBuilder out = new StringBuilder(table.title()).append('\n')
                .append(TextTables.aligned(TextTables.rows(table, MAX_ROWS)));
        long more = TextTables.notShown(table, MAX_ROWS);
        if (more > 0) out.append("(").append(more).append(" more not shown)\n");
        return out.toString().stripTrailing();
    }
}
