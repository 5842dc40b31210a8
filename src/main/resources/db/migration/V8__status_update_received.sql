-- What the partner sent, as it arrived (before its mapping), so that an update parked because the
-- mapping did not know its status can be mapped again once the mapping is fixed. Null for polled
-- updates: their page is not kept, only the update the poll mapping produced.
alter table status_update add column received text;
-- When an operator last reprocessed the update, and who.
alter table status_update add column reprocessed_at timestamptz;
alter table status_update add column reprocessed_by text;
