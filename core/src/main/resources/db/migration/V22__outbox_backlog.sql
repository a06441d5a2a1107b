-- Monitoring reads the outbox backlog of every tenant per kind: counts and times only, never a row.
-- "Due" messages wait for a dispatcher now (a processing one whose lease ran out is due again);
-- "scheduled" ones wait for a later time on purpose (workflow timers, a daily sending cap).
create index outbox_backlog on outbox (kind, available_at) where status in ('pending', 'processing');

create function crm_outbox_backlog()
    returns table (kind text, due bigint, scheduled bigint, oldest_due_at timestamptz)
    language sql stable security definer
    set search_path = public
as $$
    select kind,
           count(*) filter (where available_at <= now()),
           count(*) filter (where status = 'pending' and available_at > now()),
           min(available_at) filter (where available_at <= now())
      from outbox
     where status in ('pending', 'processing')
     group by kind
$$;
revoke all on function crm_outbox_backlog() from public;
grant execute on function crm_outbox_backlog() to ${app_role};
