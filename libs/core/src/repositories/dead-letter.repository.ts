import type { DeadLetter } from '@cs/contracts';
import type { Queryable } from '@cs/ports';

export interface DeadLetterRow {
  id: string;
  event_id: string | null;
  source_topic: string;
  source_partition: number;
  source_offset: string;
  consumer_group: string;
  error_code: string;
  error_message: string;
  retriable: boolean;
  attempts: number;
  payload: string;
  headers: Record<string, string>;
  source_key: string | null;
  failed_at: Date;
  replayed_at: Date | null;
  replay_count: number;
}

/** The queryable mirror of the DLQ topic; one row per dead letter, idempotent on its id. */
export async function insertDeadLetter(tx: Queryable, letter: DeadLetter): Promise<void> {
  await tx.query(
    `INSERT INTO dead_letters (id, event_id, source_topic, source_partition, source_offset, source_key, consumer_group,
                               error_code, error_message, retriable, attempts, payload, headers, correlation_id, failed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
     ON CONFLICT (id) DO NOTHING`,
    [letter.deadLetterId, letter.originalEventId ?? null, letter.source.topic, letter.source.partition, letter.source.offset,
      letter.source.key, letter.consumerGroup, letter.error.code, letter.error.message, letter.error.retriable, letter.attempts,
      letter.payload, JSON.stringify(letter.headers), letter.correlationId ?? null, letter.failedAt],
  );
}

export async function listDeadLetters(db: Queryable, options: { includeReplayed?: boolean; limit?: number } = {}): Promise<DeadLetterRow[]> {
  const result = await db.query<DeadLetterRow>(
    `SELECT * FROM dead_letters WHERE ($1 OR replayed_at IS NULL) ORDER BY failed_at DESC LIMIT $2`,
    [options.includeReplayed ?? false, options.limit ?? 100],
  );
  return result.rows;
}

export async function findDeadLetter(db: Queryable, id: string): Promise<DeadLetterRow | undefined> {
  return (await db.query<DeadLetterRow>('SELECT * FROM dead_letters WHERE id = $1', [id])).rows[0];
}

export async function markDeadLetterReplayed(tx: Queryable, id: string): Promise<void> {
  await tx.query('UPDATE dead_letters SET replayed_at = now(), replay_count = replay_count + 1 WHERE id = $1', [id]);
}
