-- A subject that customer.merged folded into another (an identified visitor, a merged-away customer) and the
-- subject it became: events about it that arrive after the merge count for the survivor (decision 012).
create table subject_alias (
    subject  text primary key,
    survivor text not null
);
create index subject_alias_survivor on subject_alias (survivor);
