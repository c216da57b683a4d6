-- customer-service schema, version 6: customer.merged_into references customer(id); without an index, every
-- deleted customer row makes PostgreSQL scan the whole table for rows merged into it.
create index if not exists customer_merged_into on customer (merged_into) where merged_into is not null;
