-- Tenant lifecycle. A suspended tenant keeps its data but nobody signs in and no token or key works.
alter table tenants add column suspended_at timestamptz;

-- The operator's record of provisioning, suspension, import and deletion. It outlives the tenants it
-- names (no foreign key): after a deletion it is the proof of what was removed, when and by whom, and
-- holds only the tenant's id, slug and row counts, none of its records. Operators only.
create table tenant_events (
    id          bigint generated always as identity primary key,
    occurred_at timestamptz not null default now(),
    tenant_id   uuid not null,
    tenant_slug text not null,
    action      text not null check (action in ('create', 'suspend', 'resume', 'import', 'export', 'delete')),
    actor       text not null,
    detail      jsonb not null default '{}'
);
create index tenant_events_tenant on tenant_events (tenant_id, occurred_at);
revoke all on tenant_events from ${app_role};

-- An admin may withdraw an invitation; its link then stops working.
alter table invitations add column revoked_at timestamptz;
