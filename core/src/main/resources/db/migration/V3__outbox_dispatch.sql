-- Dispatchers must find which tenants have due side effects without reading any of them.
-- The owner may list outbox rows (only this definer function uses that); it returns tenant ids only.
create policy outbox_due_directory on outbox for select to current_user using (true);

create function crm_outbox_due_tenants(kinds text[]) returns setof uuid
    language sql stable security definer
    set search_path = public
as $$
    select distinct tenant_id
      from outbox
     where kind = any(kinds) and status in ('pending', 'processing') and available_at <= now()
$$;
revoke all on function crm_outbox_due_tenants(text[]) from public;
grant execute on function crm_outbox_due_tenants(text[]) to ${app_role};
