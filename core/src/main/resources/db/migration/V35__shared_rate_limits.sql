-- Token buckets shared by every app node, so N nodes allow the configured limit, not N times it.
-- Unlogged: a crash empties it (every bucket full again), which only forgives a minute of throttling,
-- and saves WAL on a table written on every request. The key is a hash: no emails at rest here.
create unlogged table rate_limit_buckets (
    key        text             primary key,
    tokens     double precision not null,
    consumed   boolean          not null,
    updated_at timestamptz      not null
);

-- Idle buckets are full again and are deleted by age.
create index rate_limit_buckets_updated_at on rate_limit_buckets (updated_at);
