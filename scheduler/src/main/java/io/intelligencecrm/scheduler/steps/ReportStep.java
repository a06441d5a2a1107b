package io.intelligencecrm.scheduler.steps;

import io.intelligencecrm.core.tenant.TenantTransactions;
import io.intelligencecrm.scheduler.engine.QuietDeals;
import io.intelligencecrm.scheduler.engine.StepAction;
import io.intelligencecrm.scheduler.engine.StepContext;
import io.intelligencecrm.scheduler.engine.StepResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A summary for the owner, as text later steps put in a mail or notice ({@code {{steps.<id>.text}}}):
 * new leads, deals gone quiet, or the owner's open tasks, over the last {@code days}.
 */
public final class ReportStep implements StepAction {
    private static final int MAX_ROWS = 50;

    private final TenantTransactions transactions;
    private final Clock clock;

    public ReportStep(TenantTransactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public String type() {
        return "report";
    }

    @Override
    public StepResult run(StepContext context) {
        int days = ((Number) context.step().spec().getOrDefault("days", 7)).intValue();
        Instant since = clock.instant().minus(Duration.ofDays(days));
        String report = context.step().text("report");
        List<String> lines = transactions.inTenant(context.owner().tenant(), handle -> switch (report) {
            case "new_leads" -> handle.createQuery("""
                            select trim(first_name || ' ' || last_name) || coalesce(' <' || email || '>', '')
                                   || coalesce(', source: ' || source, '') || ', added '
                                   || to_char(created_at at time zone 'UTC', 'YYYY-MM-DD')
                              from contacts
                             where deleted_at is null and lifecycle_stage = 'lead' and created_at >= :since
                             order by created_at desc limit :limit""")
                    .bind("since", since).bind("limit", MAX_ROWS).mapTo(String.class).list();
            case "quiet_deals" -> QuietDeals.find(handle, context.owner().userId(), since, MAX_ROWS).stream()
                    .map(deal -> deal.name() + " (" + deal.stage() + ", " + deal.amount().toPlainString() + " "
                            + deal.currency() + "), quiet since " + deal.lastActivity().toString().substring(0, 10))
                    .toList();
            default -> handle.createQuery("""
                            select title || coalesce(', due ' || to_char(due_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI'), '')
                              from tasks where assignee_id = :owner and done_at is null
                             order by due_at nulls last limit :limit""")
                    .bind("owner", context.owner().userId()).bind("limit", MAX_ROWS).mapTo(String.class).list();
        });
        String title = switch (report) {
            case "new_leads" -> lines.size() + " new lead" + (lines.size() == 1 ? "" : "s") + " in the last " + days
                    + " days";
            case "quiet_deals" -> lines.size() + " open deal" + (lines.size() == 1 ? "" : "s")
                    + " with no activity for " + days + " days";
            default -> lines.size() + " open task" + (lines.size() == 1 ? "" : "s");
        };
        StringBuilder text = new StringBuilder(title).append(lines.isEmpty() ? "." : ":");
        for (String line : lines) text.append("\n- ").append(line);
        return StepResult.done(Map.of("text", text.toString(), "count", lines.size(), "title", title));
    }
}
