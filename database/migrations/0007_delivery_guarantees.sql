-- Consumers insert (consumer, eventId) in the same transaction as their effects: a redelivery finds the row.
CREATE TABLE processed_events (
  consumer text NOT NULL,
  event_id text NOT NULL,
  processed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consumer, event_id)
);
CREATE INDEX processed_events_processed_at_idx ON processed_events (processed_at);

-- Events accepted while Kafka was unreachable (or written in a business transaction), published later by a relay.
CREATE TABLE outbox (
  id bigserial PRIMARY KEY,
  -- Set when the payload is an event: a second enqueue of it (a provider redelivering a webhook) is ignored.
  event_id text,
  topic text NOT NULL,
  key text,
  payload text NOT NULL,
  headers jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  -- A claim leases the row until this time; a failed publish backs off to it. Due rows have it in the past.
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  last_error text
);
CREATE INDEX outbox_unpublished_idx ON outbox (id) WHERE published_at IS NULL;
CREATE UNIQUE INDEX outbox_event_id_key ON outbox (event_id) WHERE event_id IS NOT NULL;

-- Egress records every send by the reply's eventId, so a redelivered reply is sent once.
CREATE TABLE deliveries (
  reply_event_id text PRIMARY KEY,
  channel text NOT NULL CHECK (channel IN ('email', 'whatsapp', 'web_form')),
  provider_message_id text,
  -- pending: claimed by egress, the provider call not yet confirmed.
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'delivered', 'read', 'failed', 'undelivered')),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER deliveries_set_updated_at BEFORE UPDATE ON deliveries
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();
-- Provider status callbacks (e.g. Twilio MessageSid) find their delivery.
CREATE INDEX deliveries_provider_message_idx ON deliveries (channel, provider_message_id) WHERE provider_message_id IS NOT NULL;
CREATE INDEX deliveries_unhappy_idx ON deliveries (status, updated_at) WHERE status IN ('pending', 'failed', 'undelivered');
