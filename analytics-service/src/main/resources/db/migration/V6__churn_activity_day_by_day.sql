-- ChurnActivityRetention deletes the active days no churn reader looks at any more (older than about 17 months):
-- a BRIN index finds them without a scan of the whole table and costs next to nothing on insert, since days
-- arrive roughly in order.
create index churn_activity_day_day on churn_activity_day using brin (day);
