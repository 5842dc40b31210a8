-- The dispatcher claims due deliveries system by system, leaving out the systems it is holding back
-- (circuit open, or as many in flight as one system may have). With one index over all systems, a
-- claim walked every held-back delivery of the backlog to find the few it could send: thousands of
-- rows, 20 times a second, just when the hub was already behind. Per system, it reads only what it takes.
drop index delivery_due;
create index delivery_due_by_system on delivery (system, next_attempt_at) where status = 'PENDING';
