CREATE TABLE conversations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  customer_id uuid NOT NULL REFERENCES customers (id),
  channel text NOT NULL CHECK (channel IN ('email', 'whatsapp', 'web_form')),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'escalated', 'resolved', 'closed')),
  -- The inbound event's conversationKey (Gmail thread, WhatsApp number, web ticket).
  conversation_key text NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  last_message_at timestamptz NOT NULL DEFAULT now(),
  -- Set on escalation: a human owns the conversation and the agent stays silent.
  ai_paused boolean NOT NULL DEFAULT false,
  escalated_at timestamptz,
  escalation_reason text,
  closed_at timestamptz,
  -- Correlation id of the message that opened the conversation.
  correlation_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER conversations_set_updated_at BEFORE UPDATE ON conversations
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();
-- "Resume this customer's open conversation with this key on this channel if its last message is recent enough."
CREATE INDEX conversations_resume_idx ON conversations (customer_id, channel, conversation_key, last_message_at DESC)
  WHERE status IN ('open', 'escalated');
CREATE INDEX conversations_channel_key_idx ON conversations (channel, conversation_key);
CREATE INDEX conversations_channel_started_idx ON conversations (channel, started_at);

CREATE TABLE tickets (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Human-friendly, e.g. TKT-8F3K2Q (see @cs/domain generateTicketNumber): never I, L, O or U.
  number text NOT NULL UNIQUE CHECK (number ~ '^TKT-[0-9A-HJKMNP-TV-Z]{6}$'),
  -- A web-form ticket exists from submission, before processing links it to its customer and conversation.
  conversation_id uuid REFERENCES conversations (id),
  customer_id uuid REFERENCES customers (id),
  channel text NOT NULL CHECK (channel IN ('email', 'whatsapp', 'web_form')),
  subject text,
  category text CHECK (category IN ('general', 'technical', 'billing', 'account', 'feedback')),
  priority text NOT NULL DEFAULT 'medium' CHECK (priority IN ('low', 'medium', 'high', 'urgent')),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'pending', 'escalated', 'resolved', 'closed')),
  escalation_reason text,
  escalation_evidence jsonb,
  best_kb_score real,
  -- SHA-256 (hex) of the secret in the customer's status link; the secret itself is never stored.
  status_token_hash text UNIQUE CHECK (status_token_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT tickets_linked_unless_web CHECK (channel = 'web_form' OR (conversation_id IS NOT NULL AND customer_id IS NOT NULL))
);
CREATE TRIGGER tickets_set_updated_at BEFORE UPDATE ON tickets
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE INDEX tickets_conversation_id_idx ON tickets (conversation_id) WHERE conversation_id IS NOT NULL;
CREATE INDEX tickets_customer_created_idx ON tickets (customer_id, created_at DESC);
CREATE INDEX tickets_channel_created_idx ON tickets (channel, created_at);
-- The human queue: tickets still needing attention.
CREATE INDEX tickets_active_idx ON tickets (status, created_at) WHERE status IN ('open', 'pending', 'escalated');

CREATE TABLE messages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  conversation_id uuid NOT NULL REFERENCES conversations (id),
  ticket_id uuid REFERENCES tickets (id),
  direction text NOT NULL CHECK (direction IN ('inbound', 'outbound')),
  channel text NOT NULL CHECK (channel IN ('email', 'whatsapp', 'web_form')),
  -- Inbound: the event's eventId; outbound: the reply's eventId. Unique, so a redelivery cannot store twice.
  event_id text UNIQUE,
  provider_message_id text,
  author text NOT NULL CHECK (author IN ('customer', 'agent', 'human', 'system')),
  body text NOT NULL,
  subject text,
  attachments jsonb NOT NULL DEFAULT '[]',
  threading jsonb,
  sentiment real CHECK (sentiment BETWEEN -1 AND 1),
  language text,
  cited_chunks jsonb NOT NULL DEFAULT '[]',
  kind text CHECK (kind IN ('answer', 'escalation_notice', 'failure_notice')),
  correlation_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  delivered_at timestamptz,
  CONSTRAINT messages_inbound_is_customer CHECK ((direction = 'inbound') = (author = 'customer')),
  CONSTRAINT messages_kind_outbound_only CHECK (direction = 'outbound' OR kind IS NULL)
);
CREATE INDEX messages_conversation_created_idx ON messages (conversation_id, created_at);
CREATE INDEX messages_channel_created_idx ON messages (channel, created_at);
CREATE INDEX messages_ticket_id_idx ON messages (ticket_id) WHERE ticket_id IS NOT NULL;
CREATE INDEX messages_correlation_id_idx ON messages (correlation_id) WHERE correlation_id IS NOT NULL;
-- Threading and delivery callbacks look messages up by the provider's id.
CREATE INDEX messages_provider_message_idx ON messages (channel, provider_message_id) WHERE provider_message_id IS NOT NULL;
