package io.intelligencecrm.tools.analytics;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.invocation.InvocationParameters;
import io.intelligencecrm.core.analytics.CountQuery;
import io.intelligencecrm.core.analytics.Period;
import io.intelligencecrm.core.analytics.RecordKind;
import io.intelligencecrm.core.company.Company;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.tools.CrmServices;
import io.intelligencecrm.tools.OwnerScope;
import io.intelligencecrm.tools.ToolArguments;
import io.intelligencecrm.tools.ToolCall;
import io.intelligencecrm.tools.company.CompanyNames;
import java.util.Locale;

/** "How many …" answered with one number and what exactly was counted; every role may ask. */
public final class RecordCountTools {
    private static final String KINDS = "contacts, leads, customers, companies, deals, interactions or tasks";

    private final CrmServices services;

    public RecordCountTools(CrmServices services) {
        this.services = services;
    }

    /** @param counted in words, e.g. "open deals owned by you at Acme Corp" */
    public record RecordCount(String kind, long count, String counted) {
    }

    @Tool("Counts records: contacts, leads (contacts at stage lead), customers, companies, deals, interactions or "
            + "tasks, optionally filtered. Use it for 'how many contacts do we have at Acme?', 'how many open deals "
            + "do I have?', 'how many leads came in this month?'.")
    public RecordCount countRecords(
            @P("what to count: contacts, leads, customers, companies, deals, interactions or tasks") String kind,
            @P(value = "contact stage (lead, qualified, customer, lost) or deal stage (prospecting ... won, lost)",
                    required = false) String stage,
            @P(value = "only records of the company with this name", required = false) String companyName,
            @P(value = "deals: true for not yet won or lost; tasks: true for not done", required = false) Boolean openOnly,
            @P(value = "true for only the user's own records (owner, author or assignee)", required = false)
            Boolean mine,
            @P(value = OwnerScope.DESCRIPTION, required = false) String owner,
            @P(value = "only records created (interactions: that happened) in this period, e.g. this month, last 7 days",
                    required = false) String createdIn,
            InvocationParameters parameters) {
        ToolCall call = ToolCall.of(parameters);
        Actor actor = call.actor();
        if (!ToolArguments.given(kind)) throw CrmException.invalid("kind", "is required: " + KINDS);
        String asked = kind.trim().toLowerCase(Locale.ROOT);
        String impliedStage = switch (asked) {
            case "lead", "leads" -> "lead";
            case "customer", "customers" -> "customer";
            default -> null;
        };
        RecordKind recordKind = impliedStage != null ? RecordKind.CONTACTS : kind(asked);
        String stageFilter = ToolArguments.given(stage) ? stage.trim() : impliedStage;
        Company company = ToolArguments.given(companyName)
                ? CompanyNames.resolve(services, actor, "companyName", companyName) : null;
        Period period = ToolArguments.given(createdIn) ? ToolArguments.period(createdIn, call) : null;
        OwnerScope scope = OwnerScope.of(services, actor,
                Boolean.TRUE.equals(mine) || (recordKind == RecordKind.TASKS && actor.role() == Role.REP && !ToolArguments.given(owner)),
                owner);
        long count = services.counts().count(actor, new CountQuery(recordKind, scope.ownerId(),
                stageFilter, company == null ? null : company.id(), openOnly,
                period == null ? null : period.start(call.zone()), period == null ? null : period.end(call.zone())));
        StringBuilder counted = new StringBuilder();
        if (openOnly != null) counted.append(openOnly ? "open " : recordKind == RecordKind.TASKS ? "done " : "closed ");
        counted.append(recordKind.stored());
        if (stageFilter != null) counted.append(" at stage ").append(stageFilter.toLowerCase(Locale.ROOT));
        if (!scope.everyone()) {
            counted.append(recordKind == RecordKind.TASKS ? " assigned to " : " owned by ").append(scope.owner());
        }
        if (company != null) counted.append(" at ").append(company.name());
        if (period != null) {
            counted.append(recordKind == RecordKind.INTERACTIONS ? " that happened " : " created ").append(period.label());
        }
        return new RecordCount(recordKind.stored(), count, counted.toString());
    }

    private static RecordKind kind(String asked) {
        return switch (asked) {
            case "contact", "contacts", "person", "people" -> RecordKind.CONTACTS;
            case "company", "companies", "account", "accounts" -> RecordKind.COMPANIES;
            case "deal", "deals", "opportunity", "opportunities" -> RecordKind.DEALS;
            case "interaction", "interactions", "activity", "activities" -> RecordKind.INTERACTIONS;
            case "task", "tasks", "reminder", "reminders", "todo", "todos" -> RecordKind.TASKS;
            default -> throw CrmException.invalid("kind", "'" + asked + "' cannot be counted; use one of " + KINDS);
        };
    }
}
