package io.intelligencecrm.core.deal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

public interface DealDao {
    String SELECT = """
            select d.id, d.name, d.contact_id, nullif(trim(ct.first_name || ' ' || ct.last_name), '') as contact_name,
                   d.company_id, co.name as company_name, d.owner_id, d.stage, d.amount, d.currency,
                   d.expected_close_date, d.closed_at, d.lost_reason, d.description, d.custom, d.created_at,
                   d.updated_at, d.deleted_at, d.stage_changed_at
              from deals d
              left join contacts ct on ct.tenant_id = d.tenant_id and ct.id = d.contact_id
              left join companies co on co.tenant_id = d.tenant_id and co.id = d.company_id
            """;

    @SqlQuery("""
            insert into deals (tenant_id, name, contact_id, company_id, owner_id, stage, amount, currency,
                               expected_close_date, closed_at, description)
            values (crm_current_tenant(), :d.name, :d.contactId, :d.companyId, :d.ownerId, :d.stage, :d.amount,
                    :d.currency, :d.expectedCloseDate, :d.closedAt, :d.description)
            returning id""")
    UUID insert(@BindMethods("d") NewDeal deal);

    @SqlQuery(SELECT + " where d.id = :id")
    Optional<Deal> find(@Bind("id") UUID id);

    @SqlQuery(SELECT + " where d.contact_id = :contactId and d.deleted_at is null and d.closed_at is null"
            + " order by d.expected_close_date nulls last")
    List<Deal> openForContact(@Bind("contactId") UUID contactId);

    @SqlUpdate("update deals set deleted_at = now() where id = :id and deleted_at is null")
    int softDelete(@Bind("id") UUID id);

    @SqlUpdate("update deals set deleted_at = null where id = :id and deleted_at is not null")
    int restore(@Bind("id") UUID id);
}
