-- The tenant of the current transaction, set by TenantTransactions with set_config(..., true).
-- After a transaction-local setting ends, PostgreSQL keeps the variable as '' on that
-- connection, so an empty value must mean "no tenant" (zero rows), not a cast error.
create function crm_current_tenant() returns uuid
    language sql stable parallel safe
as $$ select nullif(current_setting('app.tenant_id', true), '')::uuid $$;

-- Every tenant-owned table calls this: RLS enabled and forced (the owner is not exempt),
-- one policy for reads and writes.
create function crm_isolate_tenant(target regclass) returns void
    language plpgsql
as $$
begin
    execute format('alter table %s enable row level security', target);
    execute format('alter table %s force row level security', target);
    execute format('create policy tenant_isolation on %s using (tenant_id = crm_current_tenant()) '
                   'with check (tenant_id = crm_current_tenant())', target);
end
$$;

create function crm_touch_updated_at() returns trigger
    language plpgsql
as $$
begin
    new.updated_at := now();
    return new;
end
$$;

grant usage on schema public to ${app_role};
grant execute on function crm_current_tenant() to ${app_role};
-- Tables created by later migrations are usable by the app role; exceptions revoke explicitly.
alter default privileges in schema public grant select, insert, update, delete on tables to ${app_role};
alter default privileges in schema public grant usage, select on sequences to ${app_role};
