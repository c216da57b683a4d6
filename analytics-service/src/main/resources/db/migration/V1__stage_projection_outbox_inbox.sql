-- analytics-service schema, version 1

-- read model: where each customer is in the lifecycle (from customer.events)
create table customer_stage (
    customer_id uuid primary key,
    stage       text not null,
    since       timestamptz not null
);
create index customer_stage_stage on customer_stage (stage);

-- transactional outbox (see the platform module)
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
