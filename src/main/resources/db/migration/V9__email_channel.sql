-- The email channel (Đ7.1b): every mail read from the published mailbox, stored (encrypted: it is
-- full of personal data) before the mailbox is touched, so that nothing read is ever lost; what
-- became of it; and the quarantine of mails that failed again and again, for operators.
create table mail_message (
    id             uuid primary key,
    dedupe_key     text        not null unique,   -- the Message-ID, or a hash of the content when it has none
    message_id     text,
    sender_hash    bytea,                          -- keyed hash of the From address: floods and caps
    raw_enc        bytea       not null,           -- the mail exactly as fetched, encrypted
    size_bytes     integer     not null,
    received_at    timestamptz not null,
    status         text        not null check (status in ('RECEIVED', 'PROCESSED', 'QUARANTINED')),
    outcome        text,                           -- CASE_OPENED, SUPPLEMENT, WITHDRAWAL_REQUESTED, NOT_ANSWERED, ...
    outcome_reason text,
    case_code      text,
    attempts       integer     not null default 0,
    last_error     text,
    processed_at   timestamptz
);
create index mail_message_quarantine on mail_message (received_at) where status = 'QUARANTINED';
create index mail_message_sender on mail_message (sender_hash, received_at);

-- Who read or reprocessed a stored mail (Đ17: every read of personal data is logged).
create table mail_access (
    mail_id  uuid        not null references mail_message (id),
    actor    text        not null,
    action   text        not null,
    at       timestamptz not null
);

-- Answers to a mail that opened no case (a rejection, a mail too large) go through the same sender as
-- case notifications: the address and extra template values are then kept with the notification,
-- encrypted; a reply names the mail it answers so that the person's mail program threads it.
alter table notification alter column case_code drop not null;
alter table notification add column recipient_enc bytea;
alter table notification add column values_enc bytea;
alter table notification add column in_reply_to text;

-- A mail that lacks the submitter's address still opens its case (Đ8: the person is asked for it by
-- return mail, never dropped); the web API keeps requiring it.
alter table case_file alter column submitter_address_enc drop not null;
