package io.intelligencecrm.core.company;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

public interface CompanyDao {
    String COLUMNS = "id, name, domain, industry, size_band, country, website, owner_id, custom, created_at, "
            + "updated_at, deleted_at";

    @SqlQuery("""
            insert into companies (tenant_id, name, domain, industry, size_band, country, website, owner_id, custom)
            values (crm_current_tenant(), :c.name, :c.domain, :c.industry, :c.sizeBand, :c.country, :c.website,
                    :c.ownerId, coalesce(:c.custom, '{}'::jsonb))
            returning\s""" + COLUMNS)
    Company insert(@BindMethods("c") NewCompany company);

    @SqlQuery("select " + COLUMNS + " from companies where id = :id")
    Optional<Company> find(@Bind("id") UUID id);

    @SqlQuery("""
            select\s""" + COLUMNS + """
             from companies
            where lower(name) = lower(:name) and deleted_at is null
            order by created_at limit 1""")
    Optional<Company> findByName(@Bind("name") String name);

    @SqlQuery("""
            select\s""" + COLUMNS + """
             from companies
            where lower(domain) = lower(:domain) and deleted_at is null
            order by created_at limit 1""")
    Optional<Company> findByDomain(@Bind("domain") String domain);

    @SqlQuery("select count(*) from contacts where company_id = :id and deleted_at is null")
    long countContacts(@Bind("id") UUID id);

    @SqlUpdate("update companies set deleted_at = now() where id = :id and deleted_at is null")
    int softDelete(@Bind("id") UUID id);

    @SqlUpdate("update companies set deleted_at = null where id = :id and deleted_at is not null")
    int restore(@Bind("id") UUID id);

    @SqlQuery("""
            select\s""" + COLUMNS + """
             from companies
            where deleted_at is null and lower(name) like :pattern escape '\\'
            order by lower(name) limit :limit""")
    List<Company> findByNameLike(@Bind("pattern") String pattern, @Bind("limit") int limit);
}
