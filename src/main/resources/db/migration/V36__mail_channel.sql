-- The email channel (issue 25).
--
-- A mail still in the mailbox that the server would not give whole, or that could not be stored for a
-- reason of its own, has no stored row to count its attempts on: it is counted here, by its identity in
-- the mailbox (IMAP UIDVALIDITY and UID, POP3 UIDL, else its Message-ID), and after its last attempt
-- what could be had of it is kept in mail_message as QUARANTINED and the mail moved to the failed folder.
create table mail_fetch_failure (
    mailbox_key     text primary key,
    attempts        integer     not null,
    last_error      text,
    first_failed_at timestamptz not null,
    last_failed_at  timestamptz not null
);

-- The operators' mail list is searched by subject (diacritics and case ignored: the folded form, see
-- core.text.VietnameseText.fold), by sender (its keyed hash, already kept) and by outcome, and paged by
-- (received_at, id). Subjects of mails stored before this are filled in from their stored bytes by the hub.
alter table mail_message
    add column subject        text,
    add column subject_folded text;
create index mail_message_subject on mail_message using gin (subject_folded gin_trgm_ops);
create index mail_message_received on mail_message (received_at desc, id desc);
