-- The offline embedding is now a sentence-embedding model (bge-small-en-v1.5, 384 dimensions) instead of hashed
-- words (256); OpenAI embeddings are requested at the same size. Old vectors cannot be compared with new ones, so they
-- are dropped here and the next `kb:ingest` re-embeds every article (its chunks no longer have a model).
DROP INDEX knowledge_base_embedding_hnsw_idx;
ALTER TABLE knowledge_base DROP CONSTRAINT knowledge_base_embedding_has_model;
UPDATE knowledge_base SET embedding = NULL, embedding_model = NULL;
ALTER TABLE knowledge_base ALTER COLUMN embedding TYPE vector(384) USING NULL;
ALTER TABLE knowledge_base ADD CONSTRAINT knowledge_base_embedding_has_model CHECK (embedding IS NULL OR embedding_model IS NOT NULL);
CREATE INDEX knowledge_base_embedding_hnsw_idx ON knowledge_base USING hnsw (embedding vector_cosine_ops);
