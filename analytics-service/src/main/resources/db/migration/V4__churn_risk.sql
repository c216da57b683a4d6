-- analytics-service schema, version 4: churn risk (docs/decisions/013-churn-risk.md). A compact history per
-- customer, every fact with its time, so that features "as of t" can be computed for any past t (training) and
-- for now (scoring) by one piece of code; models with their metrics; the latest score of each customer.

-- the UTC days on which a subject (customer, or anon:<id> until merged) interacted, per channel; set semantics,
-- so a redelivered interaction changes nothing and the interaction stream needs no inbox for it
create table churn_activity_day (
    subject text not null,
    day     date not null,
    channel text not null,
    primary key (subject, day, channel)
);

-- interactions of a type that marks a customer explicitly lost (waymark.churn.lost-interaction-types)
create table churn_lost_mark (
    subject text not null,
    at      timestamptz not null,
    primary key (subject, at)
);

-- the customer's stage from creation on, one row per version of the customer; backward: a move to an earlier stage
create table churn_stage_move (
    customer_id uuid not null,
    version     bigint not null,
    at          timestamptz not null,
    stage       text not null,
    backward    boolean not null,
    primary key (customer_id, version)
);

-- survey answers (no comment text: whether the comment was negative)
create table churn_answer (
    response_id      uuid primary key,
    customer_id      uuid not null,
    kind             text not null,
    score            integer,
    normalized       double precision,
    negative_comment boolean not null,
    journey_id       uuid,
    touchpoint       text,
    recorded_at      timestamptz not null
);
create index churn_answer_customer on churn_answer (customer_id, recorded_at);

-- follow-up cases with their times (a reopened case keeps its latest opening)
create table churn_case (
    case_id           uuid primary key,
    customer_id       uuid not null,
    opened_at         timestamptz,
    due_at            timestamptz,
    closed_at         timestamptz,
    aggregate_version bigint not null
);
create index churn_case_customer on churn_case (customer_id);

-- every trained model: its window, metrics and aggregated weights (no customer's data)
create table churn_model (
    version     integer primary key,
    trained_at  timestamptz not null,
    window_from timestamptz not null,
    window_to   timestamptz not null,
    split_at    timestamptz not null,
    serving     boolean not null default false,
    promoted    boolean not null,
    reason      text not null,
    metrics     jsonb not null,
    model       jsonb not null
);
create unique index churn_model_serving on churn_model (serving) where serving;

-- the latest score of each customer from the bulk scoring; band_version counts its band changes (the event's
-- aggregate version)
create table churn_score (
    customer_id   uuid primary key,
    probability   double precision not null,
    band          text not null,
    band_version  bigint not null,
    churned       boolean not null,
    model_version integer not null,
    scored_at     timestamptz not null,
    factors       jsonb not null
);
create index churn_score_rank on churn_score (probability, customer_id) where not churned;
create index churn_score_band_rank on churn_score (band, probability, customer_id) where not churned;
