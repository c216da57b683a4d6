-- analytics-service schema, version 3: the read models of journey analytics (docs/decisions/012-journey-analytics.md).
-- Per subject (a customer, or "anon:<id>" for a visitor not identified yet) the facts analytics needs are kept;
-- rollups hold what each subject's facts contribute, by UTC day, and are changed by the difference when facts
-- change, so every endpoint sums a few hundred rows and never reads events.

-- customers: the first time each lifecycle stage was reached ({"AWARENESS": epoch seconds, ...})
alter table customer_stage add column reached jsonb not null default '{}';

-- subjects erased (customer.erased): their late events change nothing
create table erased_subject (
    subject   text primary key,
    erased_at timestamptz not null
);

-- the lifecycle funnel: customers who first reached a stage that day, and of those converted to a further stage
create table funnel_daily (
    day       date not null,
    stage     text not null,
    reached   double precision not null default 0,
    converted double precision not null default 0,
    primary key (day, stage)
);
-- ... and how long converting took (TimeBuckets)
create table funnel_time (
    day       date not null,
    stage     text not null,
    bucket    smallint not null,
    customers double precision not null default 0,
    primary key (day, stage, bucket)
);

-- time in stage: stays that ended that day, by duration bucket, with their seconds for the mean
create table stay_completed (
    day     date not null,
    stage   text not null,
    bucket  smallint not null,
    stays   double precision not null default 0,
    seconds double precision not null default 0,
    primary key (day, stage, bucket)
);
-- stays still going, by the day they began
create table stay_current (
    stage     text not null,
    day       date not null,
    customers double precision not null default 0,
    primary key (stage, day)
);

-- retention: the weeks and months (numbers, see Days) in which a subject interacted ...
create table subject_activity (
    subject text primary key,
    weeks   integer[] not null,
    months  integer[] not null
);
-- ... and per cohort (first period) and offset, how many subjects were active; offset 0 is the cohort's size
create table retention_cell (
    period   text not null check (period in ('week', 'month')),
    cohort   integer not null,
    "offset" integer not null,
    subjects double precision not null default 0,
    primary key (period, cohort, "offset")
);

-- journey maps as published (journey.published), for touchpoint order, names, designed emotions and durations
create table journey_version (
    journey_id   uuid not null,
    version      integer not null,
    published_at timestamptz not null,
    document     jsonb not null,
    primary key (journey_id, version)
);

-- per journey and subject: the first time each touchpoint was reached ({"checkout": epoch seconds, ...}) and
-- the version whose order its contribution was counted with (null: no version known yet)
create table journey_subject (
    journey_id uuid not null,
    subject    text not null,
    version    integer,
    reached    jsonb not null,
    primary key (journey_id, subject)
);
create index journey_subject_subject on journey_subject (subject);
create table journey_touchpoint_daily (
    journey_id   uuid not null,
    touchpoint   text not null,
    day          date not null,
    reached      double precision not null default 0,
    went_on      double precision not null default 0,
    out_of_order double precision not null default 0,
    skipped      double precision not null default 0,
    primary key (journey_id, touchpoint, day)
);
create table journey_touchpoint_time (
    journey_id uuid not null,
    touchpoint text not null,
    day        date not null,
    bucket     smallint not null,
    subjects   double precision not null default 0,
    primary key (journey_id, touchpoint, day, bucket)
);

-- survey answers summed per day, metric and group (see Experience)
create table experience_daily (
    day               date not null,
    metric            text not null,
    dimension         text not null,
    key               text not null,
    responses         double precision not null default 0,
    scored            double precision not null default 0,
    score_sum         double precision not null default 0,
    score_squares     double precision not null default 0,
    promoters         double precision not null default 0,
    detractors        double precision not null default 0,
    satisfied         double precision not null default 0,
    unhappy           double precision not null default 0,
    normalized_sum    double precision not null default 0,
    comments          double precision not null default 0,
    negative_comments double precision not null default 0,
    sentiment_sum     double precision not null default 0,
    primary key (metric, dimension, day, key)
);

-- follow-up cases (feedback.case-opened / case-closed), for open cases per touchpoint
create table feedback_case (
    case_id           uuid primary key,
    journey_id        uuid,
    touchpoint        text,
    open              boolean not null,
    aggregate_version bigint not null
);
create index feedback_case_open on feedback_case (journey_id, touchpoint) where open;
