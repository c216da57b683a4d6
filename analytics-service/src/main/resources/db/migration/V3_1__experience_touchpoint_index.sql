-- the answers of one journey's touchpoints, read by exact keys ("journeyId:touchpoint") and a range of days
create index experience_daily_touchpoint on experience_daily (key, day) where dimension = 'touchpoint';
