package io.intelligencecrm.core.company;

import io.intelligencecrm.core.deal.Deal;
import io.intelligencecrm.core.deal.DealDao;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.tenant.TenantTransactions;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Reads an account's summary in one tenant transaction; everyone who reads records may. */
public final class AccountSummaries {
    public static final int ROWS = 10;
    private static final int TOUCHES = 8;
    private static final String PERSON_NAME = "coalesce(nullif(trim(c.first_name || ' ' || c.last_name), ''), c.email)";

    private final TenantTransactions transactions;
    private final CompanyService companies;

    public AccountSummaries(TenantTransactions transactions, CompanyService companies) {
        this.transactions = transactions;
        this.companies = companies;
    }

    public AccountSummary summary(Actor actor, UUID companyId) {
        return transactions.inTenant(actor.tenant(), handle -> {
            Company company = companies.require(handle, companyId, "id");
            String owner = handle.createQuery("select coalesce(nullif(full_name, ''), email) from users where id = :id")
                    .bind("id", company.ownerId()).mapTo(String.class).findOne().orElse(null);
            long contactCount = handle.attach(CompanyDao.class).countContacts(companyId);
            List<AccountSummary.Person> people = handle.createQuery("""
                            select c.id, %s as name, c.title, c.email, c.lifecycle_stage as stage,
                                   last.at as last_contacted_at
                              from contacts c
                              left join lateral (select max(i.occurred_at) as at from interactions i
                                                  where i.tenant_id = c.tenant_id and i.contact_id = c.id
                                                    and i.deleted_at is null) last on true
                             where c.company_id = :company and c.deleted_at is null
                             order by last.at desc nulls last, name
                             limit :rows""".formatted(PERSON_NAME))
                    .bind("company", companyId).bind("rows", ROWS).mapTo(AccountSummary.Person.class).list();
            List<Deal> deals = handle.createQuery(DealDao.SELECT + """
                             where d.company_id = :company and d.deleted_at is null and d.closed_at is null
                             order by d.expected_close_date nulls last, d.amount desc""")
                    .bind("company", companyId).mapTo(Deal.class).list();
            Map<String, BigDecimal> value = new TreeMap<>();
            deals.forEach(deal -> value.merge(deal.currency().trim(), deal.amount(), BigDecimal::add));
            List<AccountSummary.Touch> touches = handle.createQuery("""
                            select i.id, i.occurred_at, i.type, i.direction, i.contact_id, %s as contact_name, i.subject,
                                   left(i.content, 240) as content, coalesce(nullif(u.full_name, ''), u.email) as author_name
                              from interactions i
                              join contacts c on c.tenant_id = i.tenant_id and c.id = i.contact_id
                              left join users u on u.tenant_id = i.tenant_id and u.id = i.author_id
                             where c.company_id = :company and c.deleted_at is null and i.deleted_at is null
                             order by i.occurred_at desc
                             limit :touches""".formatted(PERSON_NAME))
                    .bind("company", companyId).bind("touches", TOUCHES).mapTo(AccountSummary.Touch.class).list();
            return new AccountSummary(company, owner, contactCount, people, deals.size(),
                    deals.subList(0, Math.min(ROWS, deals.size())), value, touches);
        });
    }
}
