-- Envelope encryption: the keys that encrypt personal data and files, and the key of the lookup hashes,
-- are kept here wrapped (AES-GCM) by the operator's master key, named by its id. Rotating the master key
-- re-wraps these rows; no row or file is re-encrypted. Keys 1 and 2 are the ones derived from the master
-- key before (personal data written then is read with key 1).
create table data_key (
    id            integer     primary key,
    purpose       text        not null check (purpose in ('ENCRYPTION', 'LOOKUP_HASH')),
    wrapped       bytea       not null,
    master_key_id text        not null,
    created_at    timestamptz not null default now(),
    rewrapped_at  timestamptz
);

-- Files are encrypted at rest like personal data: new ones go to content_enc; those stored before are
-- encrypted by the hub at start-up (casefile.FilesAtRest), then content is emptied.
alter table attachment_blob add column content_enc bytea, alter column content drop not null;
alter table attachment_blob add constraint attachment_blob_stored check (content is not null or content_enc is not null);
