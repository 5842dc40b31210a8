-- Messages to submitters (Đ5.2): one row per case event and channel, so a notification is planned once
-- whatever happens on the bus, and sent (at least once) by whichever node claims it. The address is
-- not copied here: it is read, and the read logged, from the encrypted case when the message is sent.
create table notification (
    id              uuid primary key,
    event_id        uuid        not null,
    case_code       text        not null,
    channel         text        not null check (channel in ('EMAIL', 'SMS')),
    template        text        not null,
    status          text        not null check (status in ('PENDING', 'SENT', 'PARKED')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    lease_until     timestamptz,
    last_error      text,
    created_at      timestamptz not null,
    sent_at         timestamptz,
    unique (event_id, channel)
);
create index notification_due on notification (next_attempt_at) where status = 'PENDING';
create index notification_case on notification (case_code);
