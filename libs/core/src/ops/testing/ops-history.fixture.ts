import type { SqlClient } from '@cs/ports';

/**
 * A pipeline history of any size, generated inside the database (generate_series), spread evenly over the last
 * `days` up to now: customers, conversations, half inbound / half outbound messages with their agent runs, outbox
 * rows, processed events, deliveries and dead letters, all consistent with one another. Used by the ops benchmark
 * (a million messages) and the dashboard test (a day's worth). Runs on PostgreSQL and PGlite.
 */
export async function generateOpsHistory(db: SqlClient, options: { messages: number; days: number }): Promise<void> {
  // One connection: the generator's temp table lives in its session.
  await db.session(async (session) => {
    for (const sql of generationSql(options.messages, options.days)) await session.exec(sql);
  });
}

/** Every inbound message gets one reply (80 % answers); 2 % of replies are never delivered; 0.4 % of events fail. */
function generationSql(messages: number, days: number): string[] {
  const inbound = Math.floor(messages / 2);
  const conversations = Math.ceil(inbound / 2);
  const customers = Math.max(1, Math.floor(conversations / 5));
  const t = (i: string, n: number) => `(now() - interval '${days} days' + (${i}::float8 / ${n}) * interval '${days} days')`;
  const channel = (c: string) => `(ARRAY['email','email','email','email','whatsapp','whatsapp','whatsapp','whatsapp','web_form','web_form'])[${c} % 10 + 1]`;
  return [
    `INSERT INTO customers (id, display_name) SELECT md5('cust' || k)::uuid, 'Customer ' || k FROM generate_series(1, ${customers}) k`,
    `INSERT INTO conversations (id, customer_id, channel, conversation_key, started_at, last_message_at, status)
     SELECT md5('conv' || c)::uuid, md5('cust' || (c % ${customers} + 1))::uuid, ${channel('c')}, 'key-' || c,
            ${t('(2 * c - 1)', inbound)}, ${t('(2 * c)', inbound)}, CASE WHEN c % 5 = 0 THEN 'escalated' ELSE 'open' END
       FROM generate_series(1, ${conversations}) c`,
    // One row per inbound message with everything derived from it, so the five tables below agree.
    `CREATE TEMP TABLE gen AS
     SELECT i, md5('conv' || ((i + 1) / 2))::uuid AS conversation_id, ${channel('((i + 1) / 2)')} AS channel,
            ${t('i', inbound)} AS received_at,
            CASE WHEN i % 5 = 0 THEN 'escalation_notice' ELSE 'answer' END AS kind,
            (ARRAY['pricing','refund','no_kb_match','no_kb_match','human_requested','negative_sentiment','legal'])[i % 7 + 1] AS reason,
            (50 + (hashint4(i) & 2047))::int AS latency_ms,
            ((hashint4(i + 7) & 4095) + 200) * interval '1 millisecond' AS delivery_ms,
            round(((hashint4(i + 3) & 1023) / 511.5 - 1)::numeric, 2)::real AS sentiment
       FROM generate_series(1, ${inbound}) i`,
    `INSERT INTO messages (conversation_id, direction, channel, event_id, provider_message_id, author, body, subject, sentiment, correlation_id, created_at)
     SELECT conversation_id, 'inbound', channel, channel || ':p' || i, 'p' || i, 'customer',
            CASE WHEN i % 3 = 0 THEN 'How do I export my board to PDF?' ELSE 'Where can I change my billing address?' END, 'Question ' || i,
            sentiment, 'corr-' || i, received_at
       FROM gen`,
    `INSERT INTO messages (conversation_id, direction, channel, event_id, author, body, kind, correlation_id, created_at, delivered_at)
     SELECT conversation_id, 'outbound', channel, kind || ':' || channel || ':p' || i, CASE kind WHEN 'answer' THEN 'agent' ELSE 'system' END,
            'Thanks for reaching out.', kind, 'corr-' || i, received_at + latency_ms * interval '1 millisecond',
            CASE WHEN i % 50 = 0 THEN NULL ELSE received_at + latency_ms * interval '1 millisecond' + delivery_ms END
       FROM gen`,
    `INSERT INTO agent_metrics (conversation_id, channel, event_id, action, escalation_reason, latency_ms, tool_calls, turns, model, created_at)
     SELECT conversation_id, channel, channel || ':p' || i, CASE kind WHEN 'answer' THEN 'answered' ELSE 'escalated' END,
            CASE kind WHEN 'answer' THEN NULL ELSE reason END, latency_ms, '["search_knowledge_base","send_response"]', 2, 'offline',
            received_at + latency_ms * interval '1 millisecond'
       FROM gen`,
    `INSERT INTO outbox (event_id, topic, key, payload, headers, created_at, published_at)
     SELECT e.event_id, e.topic, 'key', '{}', jsonb_build_object('x-correlation-id', 'corr-' || i), e.at, e.at + interval '5 milliseconds'
       FROM gen, LATERAL (VALUES (channel || ':p' || i, 'cs.inbound.v1', received_at),
                                 (kind || ':' || channel || ':p' || i, 'cs.outbound.v1', received_at + latency_ms * interval '1 millisecond')) AS e(event_id, topic, at)`,
    `INSERT INTO processed_events (consumer, event_id, processed_at)
     SELECT 'message-processor', channel || ':p' || i, received_at + latency_ms * interval '1 millisecond' FROM gen`,
    `INSERT INTO deliveries (reply_event_id, channel, status, attempts)
     SELECT kind || ':' || channel || ':p' || i, channel, CASE WHEN i % 50 = 0 THEN 'pending' ELSE 'sent' END, 1 FROM gen`,
    `INSERT INTO dead_letters (id, event_id, correlation_id, source_topic, source_partition, source_offset, consumer_group, error_code, error_message,
                               retriable, attempts, payload, failed_at, replayed_at)
     SELECT md5('dl' || i), channel || ':p' || i, 'corr-' || i, 'cs.inbound.v1', i % 12, i, 'message-processor', 'AGENT_TIMEOUT', 'model timed out', true, 4,
            '{}', received_at + interval '20 seconds', CASE WHEN i % 2000 = 0 THEN received_at + interval '1 hour' END
       FROM gen WHERE i % 250 = 0`,
    'DROP TABLE gen',
  ];
}
