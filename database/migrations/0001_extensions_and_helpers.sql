-- pgvector. Where the application role is not a superuser (the distributed setup), a superuser creates the
-- extension beforehand and this statement is a no-op; on PGlite it installs the bundled extension.
CREATE EXTENSION IF NOT EXISTS vector;

-- Keeps updated_at honest without every UPDATE having to remember it.
CREATE OR REPLACE FUNCTION set_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
$$;
