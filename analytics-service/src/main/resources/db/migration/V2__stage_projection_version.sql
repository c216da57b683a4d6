-- the aggregate version of the customer event last applied, so changes apply in order and stale ones are ignored
alter table customer_stage add column aggregate_version bigint not null default 1;
