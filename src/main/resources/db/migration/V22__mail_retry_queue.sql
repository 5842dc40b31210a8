-- A stored mail whose reading failed is read again from its stored copy by the hub's work queue
-- (core.WorkQueue: due time, lease, back-off, quarantine as parking), no longer by leaving it in the
-- mailbox for the next poll.
alter table mail_message
    add column next_attempt_at timestamptz not null default now(),
    add column lease_until     timestamptz;
create index mail_message_due on mail_message (next_attempt_at) where status = 'RECEIVED';
