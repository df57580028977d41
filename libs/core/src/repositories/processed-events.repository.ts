import type { Queryable } from '@cs/ports';

/** Records that `consumer` handled `eventId`; false when it already had (the caller then rolls back its effects). */
export async function markProcessed(tx: Queryable, consumer: string, eventId: string): Promise<boolean> {
  const result = await tx.query(
    'INSERT INTO processed_events (consumer, event_id) VALUES ($1, $2) ON CONFLICT (consumer, event_id) DO NOTHING',
    [consumer, eventId],
  );
  return result.rowCount > 0;
}

export async function wasEventProcessed(db: Queryable, consumer: string, eventId: string): Promise<boolean> {
  const result = await db.query('SELECT 1 FROM processed_events WHERE consumer = $1 AND event_id = $2', [consumer, eventId]);
  return result.rowCount > 0;
}
