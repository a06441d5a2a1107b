-- Security hardening: Slack requests accepted once, personal bot addresses kept only as hashes, and
-- erasure that leaves nothing of a person but a hashed "do not contact".

-- A signed Slack request is accepted once: its signature is remembered until its timestamp is too old
-- to pass the five-minute freshness check, so a copy replayed within that window is refused.
create table slack_request_signatures (
    tenant_id  uuid not null,
    signature  text not null,
    expires_at timestamptz not null,
    primary key (tenant_id, signature)
);
alter table slack_request_signatures add foreign key (tenant_id) references tenants (id) on delete cascade;
create index slack_request_signatures_expiry on slack_request_signatures (tenant_id, expires_at);
select crm_isolate_tenant('slack_request_signatures');
