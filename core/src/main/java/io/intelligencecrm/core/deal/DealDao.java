package io.intelligencecrm.core.deal;

import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

@RegisterConstructorMapper(Deal.class)
public interface DealDao {
    String COLUMNS = "id, name, contact_id, company_id, owner_id, stage, amount, currency, expected_close_date, "
            + "closed_at, lost_reason, description, created_at, updated_at, deleted_at";

    @SqlQuery("""
            insert into deals (tenant_id, name, contact_id, company_id, owner_id, stage, amount, currency,
                               expected_close_date, closed_at, description)
            values (crm_current_tenant(), :d.name, :d.contactId, :d.companyId, :d.ownerId, :d.stage, :d.amount,
                    :d.currency, :d.expectedCloseDate, :d.closedAt, :d.description)
            returning\s""" + COLUMNS)
    Deal insert(@BindMethods("d") NewDeal deal);

    @SqlQuery("select " + COLUMNS + " from deals where id = :id")
    Optional<Deal> find(@Bind("id") UUID id);
}
