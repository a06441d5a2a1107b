package io.intelligencecrm.tools.company;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.invocation.InvocationParameters;
import io.intelligencecrm.core.company.AccountSummary;
import io.intelligencecrm.core.company.Company;
import io.intelligencecrm.core.company.CompanyQuery;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.tools.CrmServices;
import io.intelligencecrm.tools.Listing;
import io.intelligencecrm.tools.TableResult;
import io.intelligencecrm.tools.Team;
import io.intelligencecrm.tools.ToolArguments;
import io.intelligencecrm.tools.ToolCall;
import io.intelligencecrm.tools.Views;
import io.intelligencecrm.tools.Views.DealView;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Finding companies; available to every role. */
public final class CompanyReadTools {
    private final CrmServices services;

    public CompanyReadTools(CrmServices services) {
        this.services = services;
    }

    @Tool("Finds companies whose name or domain contains the words. Returns a table with each company's id.")
    public TableResult findCompanies(
            @P(value = "words of the company name or domain; empty lists all companies", required = false) String query,
            InvocationParameters parameters) {
        Actor actor = ToolCall.of(parameters).actor();
        CompanyQuery filters = CompanyQuery.named(ToolArguments.trimmed(query), ToolArguments.MAX_ROWS);
        Listing<Company> listing = Listing.of(ToolArguments.MAX_ROWS, (cursor, size) -> services.companies().list(actor,
                new CompanyQuery(filters.q(), null, null, null, "name", false, cursor, size, false)));
        Team team = Team.of(services.users(), actor);
        List<List<Object>> rows = listing.rows().stream().map(company -> Arrays.<Object>asList(company.id().toString(),
                company.name(), company.domain(), company.industry(), company.country(), team.name(company.ownerId())))
                .toList();
        return new TableResult("Companies", List.of("id", "Name", "Domain", "Industry", "Country", "Owner"), rows,
                "table", listing.total(), listing.note("companies")).of("company");
    }

    /** An account at a glance; deals as in other tools, people and touches as the summary reads them. */
    public record AccountView(UUID companyId, String name, String domain, String industry, String owner,
                              long contactCount, List<AccountSummary.Person> contacts, long openDealCount,
                              List<DealView> openDeals, Map<String, BigDecimal> openPipeline,
                              List<AccountSummary.Touch> lastTouches) {
    }

    @Tool("Summarises an account (a company): its owner, the people we know there (most recently contacted "
            + "first), its open deals (stage, amount, expected close) and the latest interactions with its people. "
            + "Use it for 'what's going on with Acme?'.")
    public AccountView accountSummary(
            @P("the company's id as findCompanies returns it, or its name") String companyId,
            InvocationParameters parameters) {
        Actor actor = ToolCall.of(parameters).actor();
        if (!ToolArguments.given(companyId)) throw CrmException.invalid("companyId", "is required (an id or a name)");
        UUID id = ToolArguments.isId(companyId) ? ToolArguments.id("companyId", companyId)
                : CompanyNames.resolve(services, actor, "companyId", companyId).id();
        AccountSummary summary = services.accounts().summary(actor, id);
        Team team = Team.of(services.users(), actor);
        Company company = summary.company();
        return new AccountView(company.id(), company.name(), company.domain(), company.industry(), summary.ownerName(),
                summary.contactCount(), summary.contacts(), summary.openDealCount(),
                summary.openDeals().stream().map(deal -> Views.deal(deal, team)).toList(), summary.openValue(),
                summary.recentInteractions());
    }
}
