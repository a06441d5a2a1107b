package io.intelligencecrm.tools.analytics;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.invocation.InvocationParameters;
import io.intelligencecrm.core.analytics.AnalyticsTable;
import io.intelligencecrm.core.analytics.Period;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.tools.CrmServices;
import io.intelligencecrm.tools.OwnerScope;
import io.intelligencecrm.tools.TableResult;
import io.intelligencecrm.tools.ToolArguments;
import io.intelligencecrm.tools.ToolCall;

/** Reports over the CRM's data, shown to the user as tables and charts; available to every role. */
public final class AnalyticsTools {
    private static final String PERIOD = "the period: today, yesterday, this week, last week, this month, last month,"
            + " this quarter, last quarter, this year, last year, last N days/weeks/months, next N days, next month, an"
            + " ISO date or an ISO range like 2026-01-01..2026-01-31; default this month";
    /** A time series is one chart, not a list of records: a year of weeks fits, so it gets more rows. */
    private static final int SERIES_ROWS = 60;

    private final CrmServices services;

    public AnalyticsTools(CrmServices services) {
        this.services = services;
    }

    @Tool("Counts new leads (contacts created) per day, or per week for periods longer than a month, with the total.")
    public TableResult newLeads(@P(value = PERIOD, required = false) String period, InvocationParameters parameters) {
        ToolCall call = ToolCall.of(parameters);
        return table(services.analytics().newLeads(call.actor(), ToolArguments.period(period, call), call.zone()),
                SERIES_ROWS);
    }

    @Tool("Shows open deals per pipeline stage: how many and their total value per currency.")
    public TableResult pipelineByStage(InvocationParameters parameters) {
        return table(services.analytics().pipelineByStage(ToolCall.of(parameters).actor(), null),
                ToolArguments.MAX_ROWS);
    }

    @Tool("Lists open deals expected to close in a period, soonest first.")
    public TableResult dealsClosing(@P(value = PERIOD, required = false) String period,
                                    InvocationParameters parameters) {
        ToolCall call = ToolCall.of(parameters);
        Period resolved = ToolArguments.period(ToolArguments.given(period) ? period : "next 30 days", call);
        return table(services.analytics().dealsClosing(call.actor(), resolved), ToolArguments.MAX_ROWS);
    }

    @Tool("Counts interactions (calls, emails, meetings, notes...) per team member in a period.")
    public TableResult activityByRep(@P(value = PERIOD, required = false) String period,
                                     InvocationParameters parameters) {
        ToolCall call = ToolCall.of(parameters);
        return table(services.analytics().activityByRep(call.actor(), ToolArguments.period(period, call), call.zone()),
                ToolArguments.MAX_ROWS);
    }

    @Tool("Per lead source: contacts created in the period, how many became customers, and the conversion rate.")
    public TableResult conversionBySource(@P(value = PERIOD, required = false) String period,
                                          InvocationParameters parameters) {
        ToolCall call = ToolCall.of(parameters);
        return table(services.analytics().conversionBySource(call.actor(), ToolArguments.period(period, call),
                call.zone()), ToolArguments.MAX_ROWS);
    }

    @Tool("Lists open deals with no interaction on the deal or its contact for the given number of days, "
            + "longest idle first.")
    public TableResult staleDeals(@P(value = "days without activity, default 14", required = false) Integer days,
                                  InvocationParameters parameters) {
        return table(services.analytics().staleDeals(ToolCall.of(parameters).actor(), days == null ? 14 : days),
                ToolArguments.MAX_ROWS);
    }

    @Tool("Revenue closed (deals won) in a period: how many deals and their total per currency. Use it for "
            + "'how much did we close last month?', 'what did I win this quarter?'.")
    public TableResult closedRevenue(@P(value = PERIOD, required = false) String period,
                                     @P(value = "true for only the user's own deals", required = false) Boolean mine,
                                     @P(value = OwnerScope.DESCRIPTION, required = false) String owner,
                                     InvocationParameters parameters) {
        ToolCall call = ToolCall.of(parameters);
        Actor actor = call.actor();
        AnalyticsTable revenue = services.analytics().closedRevenue(actor, ToolArguments.period(period, call),
                call.zone(), OwnerScope.of(services, actor, mine, owner).ownerId());
        TableResult result = table(revenue, ToolArguments.MAX_ROWS);
        return result.rows().isEmpty() ? new TableResult(result.title(), result.columns(), result.rows(),
                result.chartKind(), 0, "No deal was won in this period, so nothing was closed.") : result;
    }

    @Tool("Lists contacts nobody has been in touch with (no call, email, meeting or note) for the given number of "
            + "days, longest silent first, with each contact's id. Use it for 'who haven't I talked to in a month?'.")
    public TableResult staleContacts(
            @P(value = "days without any interaction, default 30", required = false) Integer days,
            @P(value = "true for only the user's own contacts", required = false) Boolean mine,
            @P(value = OwnerScope.DESCRIPTION, required = false) String owner,
            InvocationParameters parameters) {
        Actor actor = ToolCall.of(parameters).actor();
        return table(services.analytics().staleContacts(actor, days == null ? 30 : days,
                OwnerScope.of(services, actor, mine, owner).ownerId()), ToolArguments.MAX_ROWS).of("contact");
    }

    private static TableResult table(AnalyticsTable table, int cap) {
        int total = table.rows().size();
        String note = total == 0 ? "No data for this question and period."
                : total <= cap ? "All " + total + " rows shown."
                : "Showing the first " + cap + " of " + total + " rows; " + (total - cap) + " more exist.";
        return new TableResult(table.title(), table.columns(), table.rows().subList(0, Math.min(cap, total)),
                table.chartKind(), total, note);
    }
}
