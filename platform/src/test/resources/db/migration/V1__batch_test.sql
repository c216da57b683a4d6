-- what the platform's own tests apply through the batch consumer runtime (EventBatchDispatcherTest)
create table batch_applied (
    seq      bigint generated always as identity primary key,
    event_id uuid not null,
    key      text not null,
    value    text not null
);
