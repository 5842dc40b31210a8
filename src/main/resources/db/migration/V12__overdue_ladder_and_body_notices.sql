-- Overdue progress updates (Đ13.2) are rounds of one clock: every 5 working days from the previous
-- deadline, at most 3. Each round is its own row, started by the same case event as the first.
alter table case_clock add column round smallint not null default 1;
alter table case_clock drop constraint case_clock_started_by_clock_key;
alter table case_clock add constraint case_clock_run unique (started_by, clock, round);

-- A reminder or an overdue alert to the body handling a case, through its connected system: a status
-- update of its own kind, one per deadline event and body, with the guarantees of any delivery.
alter table delivery drop constraint delivery_kind_check;
alter table delivery add constraint delivery_kind_check check (kind in ('DISPATCH', 'UPDATE', 'NOTICE'));
alter table delivery drop constraint delivery_step;
create unique index delivery_step on delivery (case_code, case_version, agency, kind) where kind <> 'NOTICE';
create unique index delivery_notice on delivery (event_id, agency) where kind = 'NOTICE';
