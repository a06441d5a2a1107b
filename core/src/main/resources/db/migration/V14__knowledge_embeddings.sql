-- Semantic memory. One list partition per tenant: a tenant's vectors are contiguous, so a small
-- tenant gets an exact scan of only its own rows, and a large one gets an HNSW index of its own
-- (VectorIndexMaintenance builds it past a size threshold). One HNSW index over every tenant would
-- filter by tenant after the index scan and return too few rows for small tenants.
create table embeddings (
    tenant_id    uuid not null references tenants (id) on delete cascade,
    embedding_id uuid not null,
    embedding    vector(384) not null,
    text         text not null,
    -- Keyword side of hybrid ranking, computed once on write rather than per query.
    tsv          tsvector generated always as (to_tsvector('english', text)) stored,
    source_type  text not null check (source_type in ('contact', 'company', 'deal', 'interaction', 'document')),
    source_id    uuid not null,
    -- The contact a vector is about (its profile, or the contact an interaction belongs to).
    contact_id   uuid,
    chunk        integer not null default 0,
    section      text,
    model        text not null,
    dimension    integer not null,
    embedded_at  timestamptz not null default now(),
    primary key (tenant_id, embedding_id)
) partition by list (tenant_id);
select crm_isolate_tenant('embeddings');

-- The embedding model the vectors were made with. Switching the configured model re-embeds
-- everything instead of mixing two vector spaces (EmbeddingSpace checks this at start).
create table embedding_space (
    singleton  boolean primary key default true check (singleton),
    model      text not null,
    dimension  integer not null,
    changed_at timestamptz not null default now()
);
revoke all on embedding_space from ${app_role};

-- Creates a tenant's partition with its own row-level security and indexes. The unique index on
-- embedding_id lets LangChain4j's PgVectorEmbeddingStore upsert into the partition.
create function crm_embedding_partition(tenant uuid) returns text
    language plpgsql security definer
    set search_path = public
as $$
declare
    part text := 'embeddings_t_' || replace(tenant::text, '-', '');
begin
    if to_regclass(part) is null then
        execute format('create table %I partition of embeddings for values in (%L)', part, tenant);
        execute format('create unique index %I on %I (embedding_id)', part || '_id', part);
        execute format('create index %I on %I (source_type, source_id)', part || '_source', part);
        execute format('create index %I on %I (contact_id) where contact_id is not null', part || '_contact', part);
        perform crm_isolate_tenant(part::regclass);
    end if;
    return part;
end
$$;
revoke all on function crm_embedding_partition(uuid) from public;

create function crm_tenant_embedding_partition() returns trigger
    language plpgsql security definer
    set search_path = public
as $$
begin
    perform crm_embedding_partition(new.id);
    return new;
end
$$;
create trigger tenants_embedding_partition after insert on tenants
    for each row execute function crm_tenant_embedding_partition();
select crm_embedding_partition(id) from tenants;

-- Soft-deleted or erased records drop out of search in the same transaction, not after a job.
create function crm_forget_vectors() returns trigger
    language plpgsql
as $$
declare
    gone record;
begin
    if tg_op = 'DELETE' then
        gone := old;
    elsif new.deleted_at is null or old.deleted_at is not null then
        return new;
    else
        gone := new;
    end if;
    delete from embeddings
     where tenant_id = gone.tenant_id
       and ((source_type = tg_argv[0] and source_id = gone.id)
            or (tg_argv[0] = 'contact' and contact_id = gone.id));
    return gone;
end
$$;
create trigger contacts_forget_vectors after update of deleted_at or delete on contacts
    for each row execute function crm_forget_vectors('contact');
create trigger companies_forget_vectors after update of deleted_at or delete on companies
    for each row execute function crm_forget_vectors('company');
create trigger deals_forget_vectors after update of deleted_at or delete on deals
    for each row execute function crm_forget_vectors('deal');
create trigger interactions_forget_vectors after update of deleted_at or delete on interactions
    for each row execute function crm_forget_vectors('interaction');

-- The team's own documents. The original bytes are kept so a document can be re-indexed
-- (new chunking or a new embedding model) without asking for the file again.
create table knowledge_documents (
    tenant_id    uuid not null references tenants (id) on delete cascade,
    id           uuid not null default gen_random_uuid(),
    title        text not null check (length(title) between 1 and 300),
    filename     text not null check (length(filename) between 1 and 300),
    content_type text not null check (content_type in ('text/markdown', 'text/plain', 'text/html', 'application/pdf')),
    size_bytes   integer not null check (size_bytes > 0),
    sha256       text not null,
    content      bytea not null,
    status       text not null default 'pending' check (status in ('pending', 'indexed', 'failed')),
    error        text,
    chunk_count  integer not null default 0,
    uploaded_by  uuid,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    indexed_at   timestamptz,
    primary key (tenant_id, id),
    unique (tenant_id, sha256),
    foreign key (tenant_id, uploaded_by) references users (tenant_id, id) on delete set null (uploaded_by)
);
create index knowledge_documents_recent on knowledge_documents (tenant_id, created_at desc, id desc);
select crm_isolate_tenant('knowledge_documents');
create trigger knowledge_documents_touch before update on knowledge_documents
    for each row execute function crm_touch_updated_at();
create trigger knowledge_documents_forget_vectors after delete on knowledge_documents
    for each row execute function crm_forget_vectors('document');
