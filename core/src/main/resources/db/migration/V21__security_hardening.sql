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

-- A personal bot address (bot+token@domain) works like a password: keep only a SHA-256 of its token.
-- Rows are rewritten by the owner, which forced row-level security would hide them from.
alter table email_bot_user_tokens add column token_hash text;
alter table email_bot_user_tokens no force row level security;
update email_bot_user_tokens set token_hash = encode(sha256(convert_to(token, 'UTF8')), 'hex');
alter table email_bot_user_tokens force row level security;
alter table email_bot_user_tokens alter column token_hash set not null;
alter table email_bot_user_tokens drop column token;
alter table email_bot_user_tokens add constraint email_bot_user_tokens_token_hash unique (tenant_id, token_hash);
