CREATE TABLE knowledge_base (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  source text NOT NULL,
  heading text,
  chunk_index integer NOT NULL CHECK (chunk_index >= 0),
  content text NOT NULL,
  -- Re-ingestion skips chunks whose hash did not change.
  content_hash text NOT NULL,
  -- 256 dimensions, the offline embedding's size; OpenAI embeddings must be requested with `dimensions: 256`.
  embedding vector(256),
  embedding_model text,
  tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', coalesce(heading, '') || ' ' || content)) STORED,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT knowledge_base_source_chunk_key UNIQUE (source, chunk_index),
  -- Vectors from different models are not comparable, so every embedding names its model.
  CONSTRAINT knowledge_base_embedding_has_model CHECK (embedding IS NULL OR embedding_model IS NOT NULL)
);
CREATE INDEX knowledge_base_embedding_hnsw_idx ON knowledge_base USING hnsw (embedding vector_cosine_ops);
CREATE INDEX knowledge_base_tsv_idx ON knowledge_base USING gin (tsv);
