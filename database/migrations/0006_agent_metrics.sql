-- One row per agent run on an inbound message: what it did, how long it took, what it used.
CREATE TABLE agent_metrics (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  message_id uuid REFERENCES messages (id) ON DELETE SET NULL,
  conversation_id uuid REFERENCES conversations (id) ON DELETE SET NULL,
  channel text NOT NULL CHECK (channel IN ('email', 'whatsapp', 'web_form')),
  event_id text NOT NULL,
  action text NOT NULL CHECK (action IN ('answered', 'escalated', 'failed')),
  escalation_reason text,
  latency_ms integer NOT NULL CHECK (latency_ms >= 0),
  tool_calls jsonb NOT NULL DEFAULT '[]',
  turns integer CHECK (turns >= 0),
  model text,
  best_kb_score real,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX agent_metrics_channel_created_idx ON agent_metrics (channel, created_at);
CREATE INDEX agent_metrics_event_id_idx ON agent_metrics (event_id);
