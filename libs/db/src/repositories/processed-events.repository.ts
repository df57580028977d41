import type { Queryable } from '../sql-client.port';

/**
 * Records that `consumer` handled `eventId`. Call it inside the transaction that writes the handler's effects:
 * true means "first time, go ahead"; false means a redelivery, and the caller skips its work. A concurrent
 * duplicate blocks on the first one's row until it commits (then false) or rolls back (then true).
 */
export async function markProcessed(tx: Queryable, consumer: string, eventId: string): Promise<boolean> {
  const { rowCount } = await tx.query('INSERT INTO processed_events (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
    consumer,
    eventId,
  ]);
  return rowCount === 1;
}
