-- The regulation's time limits on each case (Đ11–Đ14): one row per run of a clock, with the day it
-- counts from, its due day on the working-day calendar and its legal basis; kept when stopped, so the
-- history of every deadline can be explained to the person it concerns.
create table case_clock (
    id               bigint generated always as identity primary key,
    case_code        text        not null,
    clock            text        not null,
    started_by       uuid        not null,        -- the case event that started it (unique: replays add nothing)
    started_at       timestamptz not null,
    day_zero         date        not null,
    due_on           date        not null,
    warn_on          date,
    legal_basis      text        not null,
    unconfirmed_years integer[]  not null default '{}',
    stopped_by       uuid,
    stopped_at       timestamptz,
    unique (started_by, clock)
);
create index case_clock_case on case_clock (case_code, id);
create index case_clock_running on case_clock (due_on) where stopped_at is null;
