package io.intelligencecrm.tools.company;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.invocation.InvocationParameters;
import io.intelligencecrm.core.company.Company;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.tools.CrmServices;
import io.intelligencecrm.tools.ToolArguments;
import io.intelligencecrm.tools.ToolCall;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Creating companies; only for roles that write. */
public final class CompanyWriteTools {
    private final CrmServices services;

    public CompanyWriteTools(CrmServices services) {
        this.services = services;
    }

    public record CompanyCreated(UUID id, String name, String domain, String industry) {
    }

    @Tool("Creates a company owned by the user. Refused if a company with the same domain exists.")
    public CompanyCreated createCompany(
            @P("the company's name") String name,
            @P(value = "web domain, e.g. acme.com", required = false) String domain,
            @P(value = "industry, e.g. Software, Retail", required = false) String industry,
            InvocationParameters parameters) {
        if (!ToolArguments.given(name)) throw CrmException.invalid("name", "is required");
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", name.trim());
        if (ToolArguments.given(domain)) fields.put("domain", domain.trim());
        if (ToolArguments.given(industry)) fields.put("industry", industry.trim());
        Company company = services.companies().create(ToolCall.of(parameters).actor(), fields);
        return new CompanyCreated(company.id(), company.name(), company.domain(), company.industry());
    }
}
