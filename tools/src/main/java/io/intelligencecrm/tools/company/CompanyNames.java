package io.intelligencecrm.tools.company;

import io.intelligencecrm.core.company.Company;
import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.tools.CrmServices;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A company named in a tool argument: the one whose name is exactly that (any case), or the only
 * one containing it. Several candidates are an error that names them, so the model asks or picks.
 */
public final class CompanyNames {
    private static final int CANDIDATES = 6;

    private CompanyNames() {
    }

    public static Company resolve(CrmServices services, Actor actor, String field, String name) {
        String wanted = name.trim();
        List<Company> candidates = services.companies().findByName(actor, wanted, CANDIDATES);
        return candidates.stream().filter(company -> company.name().equalsIgnoreCase(wanted)).findFirst()
                .or(() -> candidates.size() == 1 ? java.util.Optional.of(candidates.getFirst()) : java.util.Optional.empty())
                .orElseThrow(() -> candidates.isEmpty()
                        ? CrmException.invalid(field, "no company matches '" + wanted + "'; try findCompanies")
                        : CrmException.invalid(field, "several companies match '" + wanted + "': "
                                + candidates.stream().map(Company::name).collect(Collectors.joining(", "))
                                + "; use the exact name"));
    }
}
