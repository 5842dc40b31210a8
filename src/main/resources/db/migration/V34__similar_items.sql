-- Similar earlier items (Đ5.5) and repeated submissions (Đ8.4, Đ11.2e): PostgreSQL's own trigram similarity
-- (pg_trgm, a trusted contrib extension: the database owner may create it) over the words of each item,
-- with a GIN index so that finding the close ones stays an index search however many cases there are.
create extension if not exists pg_trgm;
create index case_file_words_trgm on case_file using gin ((title || ' ' || content) gin_trgm_ops);
