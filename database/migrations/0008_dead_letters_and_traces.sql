-- A queryable mirror of the dead-letter topic, for the redrive CLI and ops metrics.
CREATE TABLE dead_letters (
  -- The contract's deadLetterId (a UUID in practice, any 8-64 characters by contract): a redelivered DLQ record is stored once.
  id text PRIMARY KEY CHECK (length(id) BETWEEN 8 AND 64),
  -- The failed event's own eventId, when it could be read.
  event_id text,
  correlation_id text,
  source_topic text NOT NULL,
  source_partition integer NOT NULL CHECK (source_partition >= 0),
  source_offset bigint NOT NULL CHECK (source_offset >= 0),
  source_key text,
  consumer_group text NOT NULL,
  error_code text NOT NULL,
  error_message text NOT NULL,
  retriable boolean NOT NULL,
  attempts integer NOT NULL CHECK (attempts > 0),
  -- The original payload exactly as consumed, so a replay republishes the same bytes.
  payload text NOT NULL,
  headers jsonb NOT NULL DEFAULT '{}',
  failed_at timestamptz NOT NULL,
  replayed_at timestamptz,
  replay_count integer NOT NULL DEFAULT 0 CHECK (replay_count >= 0),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dead_letters_failed_at_idx ON dead_letters (failed_at);
CREATE INDEX dead_letters_error_code_idx ON dead_letters (error_code, failed_at);
CREATE INDEX dead_letters_event_id_idx ON dead_letters (event_id) WHERE event_id IS NOT NULL;
CREATE INDEX dead_letters_not_replayed_idx ON dead_letters (failed_at) WHERE replayed_at IS NULL;

-- "Trace a message": every stage a message passes through, by eventId and by correlationId.
CREATE TABLE message_traces (
  id bigserial PRIMARY KEY,
  correlation_id text,
  event_id text,
  stage text NOT NULL,
  service text NOT NULL,
  detail jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX message_traces_event_id_idx ON message_traces (event_id);
CREATE INDEX message_traces_correlation_id_idx ON message_traces (correlation_id);
