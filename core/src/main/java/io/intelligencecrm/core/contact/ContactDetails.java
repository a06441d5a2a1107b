package io.intelligencecrm.core.contact;

import io.intelligencecrm.core.company.Company;
import io.intelligencecrm.core.deal.Deal;
import io.intelligencecrm.core.interaction.Interaction;
import java.util.List;

/** A contact with what a rep needs beside it: company, latest score, open deals, latest interactions. */
public record ContactDetails(Contact contact, Company company, LatestScore latestScore, List<Deal> openDeals,
                             List<Interaction> recentInteractions) {
}
