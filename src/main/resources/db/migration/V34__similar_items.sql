-- Similar earlier items (Đ5.5) and repeated submissions (Đ8.4, Đ11.2e): PostgreSQL's own trigram similarity
-- (pg_trgm, a trusted contrib extension: the database owner may create it). Candidates are found by their
-- titles through a GIN index, which stays selective at a million cases (a title is a few words; whole texts
-- share too many trigrams for an index to narrow anything), then ranked by the similarity of the whole text.
create extension if not exists pg_trgm;
create index case_file_title_trgm on case_file using gin (title gin_trgm_ops);
