-- A clock's own length in working days: processing may be longer than 15 days in some fields
-- (Đ13.1), and a clock's days are counted again when a maintenance window is announced (Đ16.3).
alter table case_clock add column working_days integer;
