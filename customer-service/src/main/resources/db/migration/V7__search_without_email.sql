-- customer-service schema, version 7: since V4 a customer may have no email (known by other ids only); the
-- search expression of V2 was null for them, so they could never be found by name. Same index, null-safe.
drop index if exists customer_search_trgm;
create index customer_search_trgm on customer using gin
    ((coalesce(lower(email), '') || ' ' || coalesce(lower(first_name), '') || ' ' || coalesce(lower(last_name), '')) gin_trgm_ops);
