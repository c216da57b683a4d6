-- customer-service schema, version 1

create table customer (
    id          uuid primary key,
    email       text not null,
    first_name  text,
    last_name   text,
    traits      jsonb not null default '{}'::jsonb,
    stage       text not null check (stage in ('AWARENESS','CONSIDERATION','PURCHASE','ONBOARDING','RETENTION','ADVOCACY')),
    stage_since timestamptz not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    version     bigint not null default 0
);
create unique index customer_email_unique on customer (lower(email));

-- transactional outbox (see the platform module): written with the change, published by the relay
create table outbox_event (
    id           bigint generated always as identity primary key,
    event_id     uuid not null unique,
    topic        text not null,
    message_key  text not null,
    type         text not null,
    payload      text not null,
    created_at   timestamptz not null,
    published_at timestamptz
);
create index outbox_event_unpublished on outbox_event (id) where published_at is null;

-- inbox: ids of the events this service has applied, so a redelivery changes nothing
create table inbox_event (
    event_id    uuid not null,
    consumer    text not null,
    received_at timestamptz not null,
    primary key (event_id, consumer)
);
