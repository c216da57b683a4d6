-- analytics-service schema, version 1

-- read model: where each customer is in the lifecycle (from customer.events)
create table customer_stage (
    customer_id uuid primary key,
    stage       text not null,
    since       timestamptz not null
);
create index customer_stage_stage on customer_stage (stage);
