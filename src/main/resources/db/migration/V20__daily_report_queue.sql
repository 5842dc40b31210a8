-- Daily reports join the hub's one work queue (core.WorkQueue), as deliveries and notifications are:
-- an id, a due time with back-off between attempts, and a lease instead of a row lock held while the
-- mail server is talked to.
alter table daily_report add column id uuid not null default gen_random_uuid();
alter table daily_report add constraint daily_report_id unique (id);
alter table daily_report add column next_attempt_at timestamptz not null default now();
alter table daily_report add column lease_until timestamptz;
drop index daily_report_to_send;
create index daily_report_due on daily_report (next_attempt_at) where status = 'PENDING';
