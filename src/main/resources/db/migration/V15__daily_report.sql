-- The daily report each body receives before 16:00 (issue 6): made once per body and day by
-- whichever node gets there first, mailed to the body's officers, kept for the API.
create table daily_report (
    agency     text        not null,
    day        date        not null,
    figures    jsonb       not null,
    made_at    timestamptz not null,
    status     text        not null check (status in ('PENDING', 'SENT', 'PARKED')),
    attempts   integer     not null default 0,
    sent_at    timestamptz,
    last_error text,
    primary key (agency, day)
);
create index daily_report_to_send on daily_report (made_at) where status = 'PENDING';
