-- Tables of the platform library (outbox and inbox), in every data-owning service's database.
-- A repeatable migration: Flyway runs it after the service's own versioned migrations whenever this file
-- changes, so every statement must be safe to run again (if not exists / add column if not exists / or replace).

-- transactional outbox: written with the change, published by the relay (see OutboxRelay)
create table if not exists outbox_event (
    id           bigint generated always as identity primary key,
    event_id     uuid not null unique,
    topic        text not null,
    message_key  text not null,
    type         text not null,
    payload      text not null,
    created_at   timestamptz not null,
    published_at timestamptz
);
-- the relay's bookkeeping: a row Kafka refuses is tried again later, then parked with its error
alter table outbox_event add column if not exists aggregate_version bigint;
alter table outbox_event add column if not exists attempts int not null default 0;
alter table outbox_event add column if not exists last_error text;
alter table outbox_event add column if not exists next_attempt_at timestamptz;
alter table outbox_event add column if not exists parked_at timestamptz;

drop index if exists outbox_event_unpublished;
drop index if exists outbox_event_pending_key;
-- what the relay reads, in order; and the rows waiting for a retry, whose keys wait behind them
create index if not exists outbox_event_pending on outbox_event (id)
    where published_at is null and parked_at is null;
create index if not exists outbox_event_waiting on outbox_event (message_key, id)
    where next_attempt_at is not null and published_at is null and parked_at is null;
-- what the monitor counts (backlog, oldest age, parked), without reading the published rows
create index if not exists outbox_event_unpublished_created on outbox_event (created_at)
    where published_at is null;
-- what the clean-up deletes
create index if not exists outbox_event_published on outbox_event (published_at)
    where published_at is not null;

-- wake the relay when a transaction that wrote outbox rows commits (NOTIFY is delivered on commit only,
-- and several in one transaction fold into one)
create or replace function waymark_outbox_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('waymark_outbox', '');
    return null;
end $$;
create or replace trigger outbox_event_notify after insert on outbox_event
    for each statement execute function waymark_outbox_notify();

-- inbox: ids of the events this service has applied, so a redelivery changes nothing (see Inbox)
create table if not exists inbox_event (
    event_id    uuid not null,
    consumer    text not null,
    received_at timestamptz not null,
    primary key (event_id, consumer)
);
create index if not exists inbox_event_received on inbox_event (received_at);
