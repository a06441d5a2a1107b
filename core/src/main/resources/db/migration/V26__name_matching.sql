-- Matching what people type ("jane prk", "acme corp", "b.example") against the tenant's names with
-- pg_trgm's word similarity. Under row-level security an index can only serve a condition whose
-- operators are leakproof and that calls no other function on the row: the matched texts are plain
-- (here: stored) columns, never lower() or ||, and pg_trgm ignores case by itself. The indexes lead
-- with tenant_id (btree_gin), so a small tenant's scan never visits a large tenant's rows.
create extension if not exists btree_gin;
alter table contacts add column name_text text generated always as (first_name || ' ' || last_name) stored;
create index contacts_name_match on contacts using gin (tenant_id, name_text gin_trgm_ops) where deleted_at is null;
create index companies_name_match on companies using gin (tenant_id, name gin_trgm_ops) where deleted_at is null;
create index deals_name_match on deals using gin (tenant_id, name gin_trgm_ops) where deleted_at is null;
-- Domains are stored lower-case by the company service; this serves "the one at b.example".
create index companies_domain_exact on companies (tenant_id, domain) where deleted_at is null and domain is not null;
