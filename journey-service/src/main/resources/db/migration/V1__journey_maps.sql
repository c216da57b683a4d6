-- journey-service schema, version 1: journey maps with their working draft, and the versions published
-- from it (immutable: only ever inserted).
create extension if not exists pg_trgm;

create table journey_map (
    id             uuid primary key,
    name           text not null,
    owner_team     text not null,
    status         text not null check (status in ('draft', 'published', 'archived')),
    draft          jsonb not null,
    -- one more per replaced draft: the ETag (publishing or archiving does not make a client's draft stale)
    draft_revision bigint not null default 1,
    latest_version integer not null default 0,
    -- the draft differs from the latest version (or nothing was published yet)
    unpublished    boolean not null default true,
    created_by     text,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    version        bigint not null default 0
);
create index journey_map_team on journey_map (owner_team, id);
create index journey_map_status on journey_map (status, id);
create index journey_map_name_trgm on journey_map using gin (lower(name) gin_trgm_ops);

create table journey_version (
    journey_id   uuid not null references journey_map (id),
    version      integer not null,
    document     jsonb not null,
    published_at timestamptz not null,
    published_by text,
    primary key (journey_id, version)
);

-- published versions never change: refuse it in the database too, whatever the code does
create function journey_version_is_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'journey_version rows are immutable' using errcode = 'restrict_violation';
end $$;
create trigger journey_version_immutable before update or delete on journey_version
    for each row execute function journey_version_is_immutable();
