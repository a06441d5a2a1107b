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

-- New tenants' partitions get the same policy: the trigger that creates them now also rewrites it.
create or replace function crm_tenant_embedding_partition() returns trigger
    language plpgsql security definer
    set search_path = public
as $$
begin
    perform crm_isolate_embeddings_once_per_query(crm_embedding_partition(new.id)::regclass);
    return new;
end
$$;
