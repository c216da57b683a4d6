-- journey-service schema, version 2: the interaction stream as stored from journey.interactions.
-- Interactions are partitioned by month of occurred_at; InteractionPartitions creates the months the retention
-- window needs (and any an import reaches) and drops whole months past it.
create table interaction (
    id           uuid not null,
    customer_id  uuid,
    anonymous_id text,
    type         text not null,
    channel      text not null,
    occurred_at  timestamptz not null,
    received_at  timestamptz not null,
    properties   jsonb not null default '{}',
    -- where the interaction lies on published maps: [{journeyId, journeyVersion, stageKey, touchpointKey, lifecycleStage}]
    placements   jsonb not null default '[]'
) partition by range (occurred_at);
-- the timeline: a customer's interactions, newest first (ties in time are rare; the id orders them after the
-- index, which keeps the index small: it takes a write per interaction at tens of thousands a second)
create index interaction_customer_time on interaction (customer_id, occurred_at desc);
-- interactions of visitors not known yet, re-keyed when customer.merged names them
create index interaction_anonymous on interaction (anonymous_id) where customer_id is null;

-- the idempotency key of every stored interaction, over all months: a repeat of an id is not stored twice.
-- Rows leave with their month (InteractionPartitions deletes them when it drops the month).
create table interaction_key (
    id          uuid primary key,
    occurred_at timestamptz not null
);

-- ids that now mean another customer: anonymous ids and merged-away customer ids (customer.merged)
create table customer_alias (
    alias       text primary key,
    customer_id uuid not null,
    kind        text not null check (kind in ('anonymous', 'customer')),
    merged_at   timestamptz not null
);
create index customer_alias_customer on customer_alias (customer_id);

-- external ids (CRM, shop, ...) resolved to customers through customer-service's identify
create table external_identity (
    system      text not null,
    external_id text not null,
    customer_id uuid not null,
    primary key (system, external_id)
);
create index external_identity_customer on external_identity (customer_id);

-- customers erased (customer.erased): their interactions are gone and new ones are refused
create table erased_customer (
    customer_id uuid primary key,
    erased_at   timestamptz not null
);
-- what retention deletes with a dropped month: keys arrive in roughly occurred_at order, so a BRIN index finds
-- a month's keys at almost no cost to the writes
create index interaction_key_occurred on interaction_key using brin (occurred_at);
