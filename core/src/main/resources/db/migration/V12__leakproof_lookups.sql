-- Under row-level security only leakproof operators may drive an index scan, and lower() is not
-- leakproof: lookups by email compare the stored (always lower-case) value with plain equality.
update contacts set email = lower(email) where email <> lower(email);
alter table contacts add constraint contacts_email_lower_case check (email = lower(email));
create index contacts_email_exact on contacts (tenant_id, email) where deleted_at is null;
