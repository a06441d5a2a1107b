-- Which audit rows one database transaction wrote: an agent's tool call or an approved proposal is
-- one transaction, so "undo that" finds everything it changed by this id. Rows written before this
-- migration have none (they cannot be undone from chat).
alter table audit_log add column transaction_id xid8;
alter table audit_log alter column transaction_id set default pg_current_xact_id();
create index audit_log_conversation on audit_log (tenant_id, conversation_id, id desc) where conversation_id is not null;
create index audit_log_transaction on audit_log (tenant_id, transaction_id) where transaction_id is not null;
