package io.intelligencecrm.tools;

import io.intelligencecrm.core.analytics.AnalyticsService;
import io.intelligencecrm.core.company.CompanyService;
import io.intelligencecrm.core.contact.ContactService;
import io.intelligencecrm.core.deal.DealService;
import io.intelligencecrm.core.interaction.InteractionService;
import io.intelligencecrm.core.outbox.Outbox;
import io.intelligencecrm.core.tenant.UnitOfWork;
import io.intelligencecrm.core.user.UserService;
import io.intelligencecrm.knowledge.search.KnowledgeSearch;

/**
 * The services the tools and proposal handlers adapt; built once by the composition root.
 *
 * @param unitOfWork makes a tool's several service calls one transaction
 * @param knowledge  search by meaning over records, notes and documents
 */
public record CrmServices(ContactService contacts, CompanyService companies, DealService deals,
                          InteractionService interactions, UserService users, AnalyticsService analytics,
                          Outbox outbox, UnitOfWork unitOfWork,
                          KnowledgeSearch knowledge) {
}
