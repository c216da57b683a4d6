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
