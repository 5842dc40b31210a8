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
