import type { Queryable, SqlClient } from '@cs/ports';

export interface OutboxMessage {
  topic: string;
  key: string;
  payload: Buffer;
  headers: Record<string, string>;
  /** When set, a second enqueue of the same event is ignored (duplicate webhook deliveries). */
  eventId?: string;
}

export interface OutboxRow {
  id: string;
  topic: string;
  key: string;
  payload: Buffer;
  headers: Record<string, string>;
}

/** Adds a message to publish after the surrounding transaction commits; false if that eventId is already there. */
export async function enqueueOutbox(tx: Queryable, m: OutboxMessage): Promise<boolean> {
  const result = await tx.query(
    `INSERT INTO outbox (topic, key, payload, headers, event_id) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (event_id) WHERE event_id IS NOT NULL DO NOTHING`,
    [m.topic, m.key, m.payload.toString('utf8'), JSON.stringify(m.headers), m.eventId ?? null],
  );
  return result.rowCount > 0;
}

export async function claimOutboxBatch(tx: Queryable, limit: number): Promise<OutboxRow[]> {
  const result = await tx.query<{ id: string; topic: string; key: string; payload: string; headers: Record<string, string> }>(
    `SELECT id, topic, key, payload, headers FROM outbox WHERE published_at IS NULL
      ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
    [limit],
  );
  return result.rows.map((r) => ({ ...r, id: String(r.id), payload: Buffer.from(r.payload, 'utf8') }));
}

export async function markOutboxPublished(tx: Queryable, ids: string[]): Promise<void> {
  await tx.query('UPDATE outbox SET published_at = now(), attempts = attempts + 1 WHERE id = ANY($1::bigint[])', [ids]);
}

export async function recordOutboxFailure(db: SqlClient, ids: string[], err: unknown): Promise<void> {
  const message = err instanceof Error ? err.message : String(err);
  await db.query('UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1::bigint[])', [ids, message.slice(0, 2000)]);
}

export async function pendingOutboxCount(db: Queryable): Promise<number> {
  const result = await db.query<{ n: string }>('SELECT count(*) AS n FROM outbox WHERE published_at IS NULL');
  return Number(result.rows[0]?.n ?? 0);
}
