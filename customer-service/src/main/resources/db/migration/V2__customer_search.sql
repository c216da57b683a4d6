-- customer-service schema, version 2: search by email or name (case-insensitive substring, trigram index)
-- and by stage. pg_trgm is a trusted extension: the database owner may create it.
create extension if not exists pg_trgm;
create index customer_search_trgm on customer using gin
    ((lower(email) || ' ' || coalesce(lower(first_name), '') || ' ' || coalesce(lower(last_name), '')) gin_trgm_ops);
create index customer_stage_id on customer (stage, id);
