import type { Queryable } from '@cs/ports';

export interface OutboxMessage {
  topic: string;
  key: string | null;
  /** The encoded event (UTF-8 JSON from encodeEvent); a Buffer is stored as its UTF-8 text. */
  payload: string | Buffer;
  headers?: Record<string, string>;
  /** When set, enqueueing the same event again (a provider redelivering a webhook) is a no-op. */
  eventId?: string;
}

export interface OutboxRecord {
  /** bigserial, as a string like every int8. */
  id: string;
  topic: string;
  key: string | null;
  payload: string;
  headers: Record<string, string>;
  /** Including the claim that returned this record. */
  attempts: number;
  createdAt: Date;
}

/**
 * Stores an event to publish later; pass the transaction that writes the state the event announces.
 * Returns the record's id, or null when a record with this eventId was already enqueued.
 */
export async function enqueueOutbox(tx: Queryable, message: OutboxMessage): Promise<string | null> {
  const payload = typeof message.payload === 'string' ? message.payload : message.payload.toString('utf8');
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO outbox (event_id, topic, key, payload, headers) VALUES ($1, $2, $3, $4, $5::jsonb)
     ON CONFLICT (event_id) WHERE event_id IS NOT NULL DO NOTHING RETURNING id`,
    [message.eventId ?? null, message.topic, message.key, payload, JSON.stringify(message.headers ?? {})],
  );
  return rows[0]?.id ?? null;
}

/**
 * Claims up to `limit` due, unpublished records, oldest first, and leases them for `leaseMs`: the claim commits
 * at once, the caller publishes outside any transaction, then marks them published or failed. A relay that dies
 * mid-publish loses only its lease. SKIP LOCKED keeps concurrent relays' batches disjoint without waiting.
 * Delivery is at-least-once: a publish that succeeded just before a crash is published again.
 */
export async function claimOutboxBatch(db: Queryable, options: { limit: number; leaseMs?: number }): Promise<OutboxRecord[]> {
  const { rows } = await db.query<OutboxRecord>(
    `UPDATE outbox SET attempts = attempts + 1, next_attempt_at = now() + $2::int * interval '1 millisecond'
     WHERE id IN (
       SELECT id FROM outbox WHERE published_at IS NULL AND next_attempt_at <= now()
       ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
     RETURNING id, topic, key, payload, headers, attempts, created_at AS "createdAt"`,
    [options.limit, options.leaseMs ?? 30_000],
  );
  // UPDATE … RETURNING comes back in no particular order; publish oldest first.
  return rows.sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
}

export async function markOutboxPublished(db: Queryable, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const { rowCount } = await db.query('UPDATE outbox SET published_at = now(), last_error = NULL WHERE id = ANY($1::bigint[]) AND published_at IS NULL', [
    [...ids],
  ]);
  return rowCount;
}

/** Keeps the record for another try after `retryInMs`, with the error for ops to read. */
export async function recordOutboxFailure(db: Queryable, id: string, error: string, retryInMs: number): Promise<void> {
  await db.query(
    `UPDATE outbox SET last_error = left($2, 4000), next_attempt_at = now() + $3::int * interval '1 millisecond'
     WHERE id = $1 AND published_at IS NULL`,
    [id, error, Math.max(0, Math.round(retryInMs))],
  );
}
