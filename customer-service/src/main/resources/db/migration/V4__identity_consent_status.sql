-- customer-service schema, version 4: who a customer is across systems, what they agreed to, when they were
-- last seen, and whether the record is live, merged into another customer or erased (a tombstone that keeps
-- only the id, so late events cannot bring an erased customer back).
alter table customer alter column email drop not null;
alter table customer
    add column external_ids jsonb not null default '{}'::jsonb,
    add column consents     jsonb not null default '{}'::jsonb,
    add column last_seen_at timestamptz,
    add column status       text not null default 'active' check (status in ('active', 'merged', 'erased')),
    add column merged_into  uuid references customer (id);

-- containment (@>) on traits, external ids and consents is what segment filters compile equality to
create index customer_traits_gin on customer using gin (traits jsonb_path_ops);
create index customer_external_ids_gin on customer using gin (external_ids jsonb_path_ops);
create index customer_consents_gin on customer using gin (consents jsonb_path_ops);

-- one owner per (system, id): the uniqueness customer.external_ids cannot state itself
create table customer_external_id (
    system      text not null,
    external_id text not null,
    customer_id uuid not null references customer (id) on delete cascade,
    primary key (system, external_id)
);
create unique index customer_external_id_one_per_system on customer_external_id (customer_id, system);

-- browser or device ids that identified as a customer (interactions may be recorded under them before sign-up)
create table customer_anonymous_id (
    anonymous_id text primary key,
    customer_id  uuid not null references customer (id) on delete cascade,
    linked_at    timestamptz not null
);
create index customer_anonymous_id_customer on customer_anonymous_id (customer_id);

create table consent_change (
    id          uuid primary key,
    customer_id uuid not null references customer (id) on delete cascade,
    purpose     text not null,
    granted     boolean not null,
    source      text not null,
    actor       text,
    at          timestamptz not null
);
create index consent_change_customer on consent_change (customer_id, id);
