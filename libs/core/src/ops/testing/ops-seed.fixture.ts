import type { Queryable } from '@cs/ports';

/**
 * A small pipeline history with figures worked out by hand (see the expectations in ops-queries.conformance.ts):
 * 2025-03-10 (UTC) has six inbound messages on three channels, their replies, agent runs and dead letters, and a
 * few rows just outside the day that must not count.
 */
export const SEED_DAY = '2025-03-10';
export const SEED_WINDOW = { from: new Date('2025-03-10T00:00:00Z'), to: new Date('2025-03-11T00:00:00Z') };

const CUSTOMERS = { email: '00000000-0000-4000-8000-000000000001', whatsapp: '00000000-0000-4000-8000-000000000002', web: '00000000-0000-4000-8000-000000000003' };
const CONV = {
  emailA: '00000000-0000-4000-8000-0000000000a1',
  emailB: '00000000-0000-4000-8000-0000000000a2',
  emailOld: '00000000-0000-4000-8000-0000000000a3',
  whatsapp: '00000000-0000-4000-8000-0000000000b1',
  web: '00000000-0000-4000-8000-0000000000c1',
};

export async function seedOpsFixture(db: Queryable): Promise<void> {
  await db.exec(`
INSERT INTO customers (id, display_name) VALUES
  ('${CUSTOMERS.email}', 'Eve'), ('${CUSTOMERS.whatsapp}', 'Walt'), ('${CUSTOMERS.web}', 'Fay');

INSERT INTO conversations (id, customer_id, channel, conversation_key, started_at, last_message_at) VALUES
  ('${CONV.emailA}', '${CUSTOMERS.email}', 'email', 'thread-a', '2025-03-10T10:00:00Z', '2025-03-10T11:00:00Z'),
  ('${CONV.emailB}', '${CUSTOMERS.email}', 'email', 'thread-b', '2025-03-10T12:00:00Z', '2025-03-10T12:00:00Z'),
  ('${CONV.emailOld}', '${CUSTOMERS.email}', 'email', 'thread-old', '2025-03-09T15:00:00Z', '2025-03-09T15:00:00Z'),
  ('${CONV.whatsapp}', '${CUSTOMERS.whatsapp}', 'whatsapp', 'whatsapp:+14155550100', '2025-03-10T10:00:00Z', '2025-03-10T10:30:00Z'),
  ('${CONV.web}', '${CUSTOMERS.web}', 'web_form', 'web_form:TKT-AAAAAA', '2025-03-10T09:00:00Z', '2025-03-10T09:00:00Z');

INSERT INTO tickets (id, number, conversation_id, customer_id, channel, status) VALUES
  ('00000000-0000-4000-8000-0000000000d1', 'TKT-AAAAAB', '${CONV.emailA}', '${CUSTOMERS.email}', 'email', 'escalated');

INSERT INTO messages (conversation_id, ticket_id, direction, channel, event_id, author, body, subject, sentiment, correlation_id, created_at) VALUES
  ('${CONV.emailA}', '00000000-0000-4000-8000-0000000000d1', 'inbound', 'email', 'email:e1', 'customer', 'How do I reset my password?', 'Password', 0.5, 'corr-e1', '2025-03-10T10:00:00Z'),
  ('${CONV.emailA}', '00000000-0000-4000-8000-0000000000d1', 'inbound', 'email', 'email:e2', 'customer', 'What does the enterprise plan cost?', 'Pricing', -0.5, 'corr-e2', '2025-03-10T11:00:00Z'),
  ('${CONV.emailB}', NULL, 'inbound', 'email', 'email:e3', 'customer', 'Where are my invoices?', 'Invoices', NULL, 'corr-e3', '2025-03-10T12:00:00Z'),
  ('${CONV.emailOld}', NULL, 'inbound', 'email', 'email:eold', 'customer', 'Thanks, all good', NULL, 1.0, 'corr-eold', '2025-03-09T15:00:00Z'),
  ('${CONV.whatsapp}', NULL, 'inbound', 'whatsapp', 'whatsapp:w1', 'customer', 'How do I invite a teammate?', NULL, 0.8, 'corr-w1', '2025-03-10T10:00:00Z'),
  ('${CONV.whatsapp}', NULL, 'inbound', 'whatsapp', 'whatsapp:w2', 'customer', 'How can I export my board to PDF? Call me on +14155550100', NULL, 0.2, 'corr-w2', '2025-03-10T10:30:00Z'),
  ('${CONV.web}', NULL, 'inbound', 'web_form', 'web_form:f1', 'customer', 'The PDF export button is missing from the menu', 'PDF export', -0.6, 'corr-f1', '2025-03-10T09:00:00Z');

INSERT INTO messages (conversation_id, direction, channel, event_id, author, body, kind, correlation_id, created_at, delivered_at) VALUES
  ('${CONV.emailA}', 'outbound', 'email', 'answer:email:e1', 'agent', 'reply', 'answer', 'corr-e1', '2025-03-10T10:00:01Z', '2025-03-10T10:00:02Z'),
  ('${CONV.emailA}', 'outbound', 'email', 'escalation_notice:email:e2', 'system', 'reply', 'escalation_notice', 'corr-e2', '2025-03-10T11:00:01Z', '2025-03-10T11:00:05Z'),
  ('${CONV.emailB}', 'outbound', 'email', 'answer:email:e3', 'agent', 'reply', 'answer', 'corr-e3', '2025-03-10T12:00:01Z', NULL),
  ('${CONV.emailOld}', 'outbound', 'email', 'answer:email:eold', 'agent', 'reply', 'answer', 'corr-eold', '2025-03-10T00:30:00Z', '2025-03-10T00:30:01Z'),
  ('${CONV.whatsapp}', 'outbound', 'whatsapp', 'answer:whatsapp:w1', 'agent', 'reply', 'answer', 'corr-w1', '2025-03-10T10:00:00.500Z', '2025-03-10T10:00:01Z'),
  ('${CONV.whatsapp}', 'outbound', 'whatsapp', 'escalation_notice:whatsapp:w2', 'system', 'reply', 'escalation_notice', 'corr-w2', '2025-03-10T10:30:01Z', '2025-03-10T10:30:04Z'),
  ('${CONV.web}', 'outbound', 'web_form', 'answer:web_form:f1', 'agent', 'reply', 'answer', 'corr-f1', '2025-03-10T09:00:02Z', '2025-03-10T09:00:02.900Z');

INSERT INTO agent_metrics (conversation_id, channel, event_id, action, escalation_reason, latency_ms, tool_calls, created_at) VALUES
  ('${CONV.emailA}', 'email', 'email:e1', 'answered', NULL, 100, '["search_knowledge_base","send_response"]', '2025-03-10T10:00:01Z'),
  ('${CONV.emailA}', 'email', 'email:e2', 'escalated', 'pricing', 300, '["escalate_to_human"]', '2025-03-10T11:00:01Z'),
  ('${CONV.emailB}', 'email', 'email:e3', 'answered', NULL, 200, '[]', '2025-03-10T12:00:01Z'),
  ('${CONV.emailOld}', 'email', 'email:eold', 'answered', NULL, 50, '[]', '2025-03-09T15:00:01Z'),
  ('${CONV.whatsapp}', 'whatsapp', 'whatsapp:w1', 'answered', NULL, 400, '[]', '2025-03-10T10:00:00.400Z'),
  ('${CONV.whatsapp}', 'whatsapp', 'whatsapp:w2', 'escalated', 'no_kb_match', 600, '[]', '2025-03-10T10:30:01Z'),
  ('${CONV.web}', 'web_form', 'web_form:f1', 'escalated', 'no_kb_match', 500, '[]', '2025-03-10T09:00:01Z');

INSERT INTO dead_letters (id, event_id, correlation_id, source_topic, source_partition, source_offset, consumer_group, error_code, error_message, retriable, attempts, payload, failed_at) VALUES
  ('dl-seed-0001', 'whatsapp:SMdead1', 'corr-dead1', 'cs.inbound.v1', 0, 7, 'message-processor', 'AGENT_REJECTED', 'model rejected the request', false, 1, '{}', '2025-03-10T13:00:00Z'),
  ('dl-seed-0002', 'answer:email:e3', 'corr-e3', 'cs.outbound.email.v1', 1, 3, 'egress-email', 'PROVIDER_REJECTED', 'mailbox unavailable', false, 4, '{}', '2025-03-10T12:05:00Z'),
  ('dl-seed-0003', NULL, NULL, 'cs.inbound.v1', 2, 9, 'message-processor', 'INVALID_JSON', 'Unexpected token', false, 1, 'not json', '2025-03-10T14:00:00Z'),
  ('dl-seed-0004', 'email:older', NULL, 'cs.inbound.v1', 0, 1, 'message-processor', 'AGENT_REJECTED', 'model rejected the request', false, 1, '{}', '2025-03-09T13:00:00Z');

INSERT INTO outbox (event_id, topic, key, payload, headers, created_at, published_at) VALUES
  ('email:e1', 'cs.inbound.v1', 'thread-a', '{}', '{"x-correlation-id":"corr-e1"}', '2025-03-10T10:00:00.100Z', '2025-03-10T10:00:00.200Z'),
  ('answer:email:e1', 'cs.outbound.email.v1', 'thread-a', '{}', '{"x-correlation-id":"corr-e1"}', '2025-03-10T10:00:01Z', '2025-03-10T10:00:01.100Z');

INSERT INTO processed_events (consumer, event_id, processed_at) VALUES
  ('message-processor', 'email:e1', '2025-03-10T10:00:01Z'),
  ('another-consumer', 'email:other', '2025-03-10T10:00:01Z');

INSERT INTO deliveries (reply_event_id, channel, status, attempts, provider_message_id) VALUES
  ('answer:email:e1', 'email', 'sent', 1, 'gmail-123');
`);
}
