-- feedback-service schema, version 1: surveys, responses, invitation links, follow-up cases with their
-- history, and the facts this service keeps from other services' events (consent, stage, touchpoint owners).

create table survey (
    id             uuid primary key,
    name           text not null,
    kind           text not null check (kind in ('NPS', 'CSAT', 'CES', 'CUSTOM')),
    question       text not null,
    follow_up      text,
    -- CUSTOM surveys only: [{key, text, type, min, max, options, required}]
    questions      jsonb,
    journey_id     uuid,
    touchpoint_key text,
    stage          text,
    channel        text,
    owning_team    text not null,
    status         text not null check (status in ('draft', 'active', 'closed')),
    -- one more per replaced draft: the ETag that If-Match names
    revision       bigint not null default 1,
    created_by     text,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    activated_at   timestamptz,
    closed_at      timestamptz,
    version        bigint not null default 0
);
create index survey_status on survey (status, id);
create index survey_team on survey (owning_team, id);
create index survey_touchpoint on survey (journey_id, touchpoint_key);

create table survey_response (
    id               uuid primary key,
    survey_id        uuid not null references survey (id),
    kind             text not null,
    -- the answer on the survey's scale (CUSTOM: its first rating question's), and on 0..1 (1 the best)
    score            integer,
    normalized_score double precision,
    -- CUSTOM surveys: [{question, value}]
    answers          jsonb,
    comment          text,
    sentiment        double precision,
    sentiment_label  text check (sentiment_label in ('negative', 'neutral', 'positive')),
    -- null once the customer is erased: the answer keeps counting without a person
    customer_id      uuid,
    invitation_id    uuid,
    journey_id       uuid,
    touchpoint_key   text,
    lifecycle_stage  text,
    channel          text,
    recorded_at      timestamptz not null
);
create index survey_response_survey on survey_response (survey_id, recorded_at);
create index survey_response_customer on survey_response (customer_id) where customer_id is not null;

create table invitation (
    id          uuid primary key,
    -- SHA-256 of the link token; the token itself is never stored
    token_hash  bytea not null unique,
    survey_id   uuid not null references survey (id),
    customer_id uuid not null,
    -- a "did we fix it?" invitation sent when its case was resolved
    case_id     uuid,
    created_by  text,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    used_at     timestamptz,
    response_id uuid
);
create index invitation_customer on invitation (customer_id);

create table feedback_case (
    id                    uuid primary key,
    -- one case per response, whatever retries or races happen
    response_id           uuid not null unique references survey_response (id),
    survey_id             uuid not null references survey (id),
    customer_id           uuid,
    team                  text not null,
    status                text not null check (status in ('open', 'in_progress', 'resolved', 'closed', 'reopened')),
    priority              text not null check (priority in ('high', 'normal')),
    reasons               jsonb not null,
    kind                  text not null,
    score_before          integer,
    normalized_before     double precision,
    journey_id            uuid,
    touchpoint_key        text,
    lifecycle_stage       text,
    assignee              text,
    root_cause            text,
    root_cause_text       text,
    opened_at             timestamptz not null,
    due_at                timestamptz not null,
    resolved_at           timestamptz,
    closed_at             timestamptz,
    updated_at            timestamptz not null,
    follow_up_response_id uuid,
    score_after           integer,
    normalized_after      double precision,
    -- 1 at opening, one more per change: the ETag and the events' aggregateversion
    revision              bigint not null default 1,
    version               bigint not null default 0
);
create index feedback_case_team on feedback_case (team, id);
create index feedback_case_open_due on feedback_case (due_at) where status in ('open', 'in_progress', 'reopened');
create index feedback_case_customer on feedback_case (customer_id) where customer_id is not null;

create table case_history (
    id              uuid primary key,
    case_id         uuid not null references feedback_case (id),
    at              timestamptz not null,
    actor           text not null,
    status_from     text,
    status_to       text,
    -- both null: the assignee did not change; from a name to null: unassigned
    assignee_from   text,
    assignee_to     text,
    root_cause      text,
    root_cause_text text,
    note            text
);
create index case_history_case on case_history (case_id, id);

-- --- facts from customer.events: the current answer for the "surveys" consent purpose, the lifecycle
-- stage, and customers that were merged away or erased. Each row keeps the customer's aggregate version of
-- the event that set it, so late events cannot undo newer ones.
create table customer_consent (
    customer_id       uuid primary key,
    granted           boolean not null,
    at                timestamptz not null,
    aggregate_version bigint not null
);

create table customer_stage (
    customer_id       uuid primary key,
    stage             text not null,
    aggregate_version bigint not null
);

create table retired_customer (
    customer_id uuid primary key,
    merged_into uuid,
    erased_at   timestamptz
);
create index retired_customer_merged_into on retired_customer (merged_into) where merged_into is not null;

-- --- facts from journey.maps: who owns each touchpoint of the latest published version of each map
create table journey_published (
    journey_id uuid primary key,
    version    integer not null
);

create table touchpoint_owner (
    journey_id     uuid not null references journey_published (journey_id),
    touchpoint_key text not null,
    owner_team     text not null,
    primary key (journey_id, touchpoint_key)
);
