CREATE TABLE channel_configs (
  channel text PRIMARY KEY CHECK (channel IN ('email', 'whatsapp', 'web_form')),
  enabled boolean NOT NULL DEFAULT true,
  display_name text NOT NULL,
  settings jsonb NOT NULL DEFAULT '{}',
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER channel_configs_set_updated_at BEFORE UPDATE ON channel_configs
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- maxReplyChars: WhatsApp (Twilio) caps a message body at 1600 characters; the reply contract at 20000.
INSERT INTO channel_configs (channel, display_name, settings) VALUES
  ('email', 'Email', '{"maxReplyChars": 20000}'),
  ('whatsapp', 'WhatsApp', '{"maxReplyChars": 1600}'),
  ('web_form', 'Web support form', '{"maxReplyChars": 20000}')
ON CONFLICT (channel) DO NOTHING;
