-- When a clock's reminder and its overdue step were taken: set once, by whichever node's scan claims
-- the row first, so each fires exactly once across the cluster and a scan after downtime catches up.
alter table case_clock add column warned_at timestamptz;
alter table case_clock add column overdue_at timestamptz;
create index case_clock_to_warn on case_clock (warn_on) where stopped_at is null and warned_at is null;
create index case_clock_to_mark_overdue on case_clock (due_on) where stopped_at is null and overdue_at is null;
