-- Live dashboards: every committed change to the records they chart notifies channel crm_changes
-- with the tenant's id. Each app node LISTENs and tells its browsers of that tenant, so a change
-- made through any node reaches every node. PostgreSQL delivers a notification only on commit and
-- folds identical ones within a transaction, so a 10,000-row import sends one per table.
create function crm_notify_change() returns trigger
    language plpgsql as $$
begin
    perform pg_notify('crm_changes', coalesce(new.tenant_id, old.tenant_id)::text || ':' || tg_table_name);
    return null;
end;
$$;

create trigger contacts_notify after insert or update or delete on contacts
    for each row execute function crm_notify_change();
create trigger companies_notify after insert or update or delete on companies
    for each row execute function crm_notify_change();
create trigger deals_notify after insert or update or delete on deals
    for each row execute function crm_notify_change();
create trigger interactions_notify after insert or update or delete on interactions
    for each row execute function crm_notify_change();
create trigger lead_scores_notify after insert or update or delete on lead_scores
    for each row execute function crm_notify_change();
