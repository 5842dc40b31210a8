-- The regulation's facts about an item, recorded at intake on every channel: its kind (Đ3.1: phản ánh,
-- kiến nghị, sáng kiến, giải pháp) and who sent it (Đ2.3: an individual, an organisation, a foreigner in
-- Vietnam, an association), each with its source: given by the submitter, or read by the hub from the text.
-- Nullable: cases received before this migration, and items whose text says neither, are classified by
-- an officer rather than guessed; a value never comes without its source.
alter table case_file
    add column kind                  text check (kind in ('FEEDBACK', 'PETITION', 'INITIATIVE', 'SOLUTION')),
    add column kind_source           text check (kind_source in ('SUBMITTER', 'TEXT')),
    add column submitter_type        text check (submitter_type in ('INDIVIDUAL', 'ORGANISATION', 'FOREIGNER',
                                                                    'ASSOCIATION')),
    add column submitter_type_source text check (submitter_type_source in ('SUBMITTER', 'TEXT')),
    add constraint case_file_kind_with_source check ((kind is null) = (kind_source is null)),
    add constraint case_file_submitter_type_with_source
        check ((submitter_type is null) = (submitter_type_source is null));
