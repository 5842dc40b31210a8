-- The sequence the row held before its last advance: one upsert both advances a case's sequence and
-- returns what it was, under the row lock, so that applying an update needs one statement for it.
alter table status_sequence add column previous_sequence bigint not null default 0;
