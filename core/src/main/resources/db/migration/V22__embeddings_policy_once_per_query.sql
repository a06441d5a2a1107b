-- An exact vector scan evaluates the row-level security policy on every row it reads, and
-- crm_current_tenant() parses the setting each time: about a third of the scan. Written as a scalar
-- subquery, the tenant is read once per statement (an InitPlan) and compared like a constant. Same
-- rows, same check; only for embeddings, whose exact scans read whole partitions by design.
create function crm_isolate_embeddings_once_per_query(target regclass) returns void
    language plpgsql
as $$
begin
    execute format('alter policy tenant_isolation on %s using (tenant_id = (select crm_current_tenant())) '
                   'with check (tenant_id = (select crm_current_tenant()))', target);
end
$$;

select crm_isolate_embeddings_once_per_query(c.oid::regclass)
  from pg_class c
 where c.oid = 'embeddings'::regclass
    or c.oid in (select inhrelid from pg_inherits where inhparent = 'embeddings'::regclass);

create or replace function crm_embedding_partition(tenant uuid) returns text
    language plpgsql security definer
    set search_path = public
as $$
declare
    part text := 'embeddings_t_' || replace(tenant::text, '-', '');
begin
    if to_regclass(part) is null then
        execute format('create table %I partition of embeddings for values in (%L)', part, tenant);
        execute format('create unique index %I on %I (embedding_id)', part || '_id', part);
        execute format('create index %I on %I (source_type, source_id)', part || '_source', part);
        execute format('create index %I on %I (contact_id) where contact_id is not null', part || '_contact', part);
        perform crm_isolate_tenant(part::regclass);
        perform crm_isolate_embeddings_once_per_query(part::regclass);
    end if;
    return part;
end
$$;
