-- customer-service schema, version 3: every move between lifecycle stages, how and why
create table stage_transition (
    id                  uuid primary key,
    customer_id         uuid not null references customer (id) on delete cascade,
    from_stage          text not null,
    to_stage            text not null,
    at                  timestamptz not null,
    cause               text not null check (cause in ('manual', 'rule', 'import')),
    actor               text,
    rule_id             uuid,
    triggering_event_id uuid,
    reason              text,
    seconds_in_previous bigint not null
);
create index stage_transition_customer on stage_transition (customer_id, id);
