-- Gmail: one row per connected mailbox. history_id is the users.history.list cursor, advanced only after the
-- messages it covers are durable in the outbox; watch_expires_at is what users.watch answered (renewed daily).
CREATE TABLE gmail_mailboxes (
  email_address text PRIMARY KEY CHECK (email_address = lower(btrim(email_address)) AND email_address LIKE '_%@_%'),
  -- Gmail history ids are unsigned 64-bit; numeric keeps every value and compares numerically.
  history_id numeric(20, 0) CHECK (history_id >= 0),
  watch_expires_at timestamptz,
  watch_renewed_at timestamptz,
  last_synced_at timestamptz,
  -- Set when a stale cursor (history.list 404) forced a bounded resync from recent messages.
  last_resync_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER gmail_mailboxes_set_updated_at BEFORE UPDATE ON gmail_mailboxes
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- A reply may go out as several provider messages (WhatsApp splits at 1600 characters): one row per part, so a
-- retried reply resumes after the parts already sent and status callbacks (out of order, per part) are kept apart.
CREATE TABLE delivery_parts (
  reply_event_id text NOT NULL REFERENCES deliveries (reply_event_id) ON DELETE CASCADE,
  part_index integer NOT NULL CHECK (part_index >= 0),
  provider_message_id text,
  status text NOT NULL DEFAULT 'sent' CHECK (status IN ('sent', 'delivered', 'read', 'failed', 'undelivered')),
  error_code text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (reply_event_id, part_index)
);
CREATE TRIGGER delivery_parts_set_updated_at BEFORE UPDATE ON delivery_parts
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE INDEX delivery_parts_provider_message_idx ON delivery_parts (provider_message_id) WHERE provider_message_id IS NOT NULL;

-- How far a delivery status has progressed. Callbacks arrive out of order: a status only ever moves up this scale,
-- and a failure outranks everything (a part that failed means the customer did not get the whole reply).
CREATE OR REPLACE FUNCTION delivery_status_rank(status text) RETURNS integer
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE status
    WHEN 'pending' THEN 0
    WHEN 'sent' THEN 1
    WHEN 'delivered' THEN 2
    WHEN 'read' THEN 3
    WHEN 'undelivered' THEN 4
    WHEN 'failed' THEN 5
    ELSE 0
  END
$$;
