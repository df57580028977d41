-- The section heading's English lexemes (the part after "Article title › ", or the whole heading of an article's
-- intro), computed once per chunk instead of once per candidate per search: hybrid search scores how much of the
-- heading a question names.
ALTER TABLE knowledge_base
  ADD COLUMN heading_lexemes text[] GENERATED ALWAYS AS (
    tsvector_to_array(to_tsvector('english', coalesce(nullif(split_part(heading, ' › ', 2), ''), heading, '')))
  ) STORED;
