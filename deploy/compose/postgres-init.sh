#!/bin/sh
# Runs once, when the PostgreSQL volume is new: the roles and extensions Intelligence CRM expects
# of an external database (the owner migrates, the app role serves under row-level security).
set -eu
psql -v ON_ERROR_STOP=1 -U postgres -d crm \
  -v owner_password="$CRM_DATABASE_OWNER_PASSWORD" -v app_password="$CRM_DATABASE_APP_PASSWORD" <<'SQL'
create role crm_owner login nosuperuser nocreaterole nobypassrls password :'owner_password';
create role crm_app login nosuperuser nocreaterole nocreatedb nobypassrls password :'app_password';
alter database crm owner to crm_owner;
create extension if not exists vector;
create extension if not exists pg_trgm;
create extension if not exists btree_gin;
-- Lets name matching in chat use its trigram indexes under row-level security; why this is safe:
-- docs/how-it-works/tenant-isolation.md. A restore into a new volume needs these three again.
alter function similarity_op(text, text) leakproof cost 100;
alter function word_similarity_op(text, text) leakproof cost 100;
alter function word_similarity_commutator_op(text, text) leakproof cost 100;
revoke create on schema public from public;
alter schema public owner to crm_owner;
SQL
