-- journey-service schema, version 1 (its journey/feedback tables come with the features that need them)

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
