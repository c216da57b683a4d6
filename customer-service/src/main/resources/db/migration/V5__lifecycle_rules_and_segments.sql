-- customer-service schema, version 5: lifecycle rules (data, not code) and saved segments. Both keep the
-- filter text as written; it is parsed again on use, so a grammar fix applies to saved filters too.
create table lifecycle_rule (
    id              uuid primary key,
    name            text not null,
    description     text,
    trigger         text not null check (trigger in ('interaction', 'feedback-response', 'trait-change')),
    interaction_type text,
    condition       text,
    from_stages     text not null default '',  -- comma-separated stage names; empty: any stage
    to_stage        text not null,
    priority        integer not null,
    enabled         boolean not null default true,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    version         bigint not null default 0
);
create unique index lifecycle_rule_name on lifecycle_rule (lower(name));
create index lifecycle_rule_trigger on lifecycle_rule (trigger, priority) where enabled;

create table segment (
    id          uuid primary key,
    name        text not null,
    description text,
    filter      text not null,
    created_by  text,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    version     bigint not null default 0
);
create unique index segment_name on segment (lower(name));

-- the default rule set (docs/lifecycle-rules.md); admins change or disable them like any other rule
insert into lifecycle_rule (id, name, description, trigger, interaction_type, condition, from_stages, to_stage, priority, created_at, updated_at) values
 ('01900000-0000-7000-8000-000000000001', 'Engaged visitors consider', 'A visitor who starts a trial or asks for a demo is considering us.',
  'interaction', 'trial_started', null, 'AWARENESS', 'CONSIDERATION', 100, now(), now()),
 ('01900000-0000-7000-8000-000000000002', 'First purchase', 'Any purchase by a customer not yet buying moves them to PURCHASE.',
  'interaction', 'purchase', null, 'AWARENESS,CONSIDERATION', 'PURCHASE', 100, now(), now()),
 ('01900000-0000-7000-8000-000000000003', 'Onboarding starts', 'The first onboarding step after a purchase.',
  'interaction', 'onboarding_started', null, 'PURCHASE', 'ONBOARDING', 100, now(), now()),
 ('01900000-0000-7000-8000-000000000004', 'Onboarding completed', 'Finishing onboarding means the customer is retained.',
  'interaction', 'onboarding_completed', null, 'PURCHASE,ONBOARDING', 'RETENTION', 100, now(), now()),
 ('01900000-0000-7000-8000-000000000005', 'Promoters advocate', 'An NPS of 9 or 10 from a retained customer makes an advocate.',
  'feedback-response', null, 'event.kind = "NPS" and event.score >= 9', 'RETENTION', 'ADVOCACY', 100, now(), now());
