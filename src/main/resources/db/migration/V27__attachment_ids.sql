-- Each attachment of a case gets a number of its own: the id it shows in the case view, by which the
-- handling body downloads it (GET /api/v1/agency/cases/{code}/attachments/{id}) and which the canonical
-- dispatch (case-dispatch v2) and the signed download links carry. Existing rows are numbered in the
-- order they were added.
alter table case_attachment add column id bigint generated always as identity;
alter table case_attachment add constraint case_attachment_id unique (id);

-- The key that signs those download links, kept wrapped by the master key like the others.
alter table data_key drop constraint data_key_purpose_check;
alter table data_key add constraint data_key_purpose_check check (purpose in ('ENCRYPTION', 'LOOKUP_HASH', 'FILE_LINK'));
