-- Tables of the platform library (outbox and inbox), in every data-owning service's database.
-- A repeatable migration: Flyway runs it after the service's own versioned migrations whenever this file
-- changes, so every statement must be safe to run again (if not exists / add column if not exists).

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
create index if not exists outbox_event_unpublished on outbox_event (id) where published_at is null;

-- inbox: ids of the events this service has applied, so a redelivery changes nothing (see Inbox)
create table if not exists inbox_event (
    event_id    uuid not null,
    consumer    text not null,
    received_at timestamptz not null,
    primary key (event_id, consumer)
);
