import type { Queryable } from '@cs/ports';

export interface PipelineBacklog {
  /** Outbox rows not yet published (counted up to OUTBOX_COUNT_CAP). */
  outboxBacklog: number;
  /** Age of the oldest unpublished row; 0 when there is none. */
  outboxOldestAgeMs: number;
  /** Dead letters nobody has replayed yet. */
  deadLettersPending: number;
  lastDeadLetterAt: string | null;
}

/** Past this the exact count does not matter and counting would cost what a scrape should not. */
export const OUTBOX_COUNT_CAP = 100_000;

// Both use partial indexes (outbox_unpublished_idx, dead_letters_not_replayed_idx): cheap however large the tables.
const BACKLOG_SQL = `
SELECT (SELECT count(*) FROM (SELECT 1 FROM outbox WHERE published_at IS NULL LIMIT ${OUTBOX_COUNT_CAP}) capped) AS outbox_backlog,
       (SELECT extract(epoch FROM now() - created_at) * 1000 FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT 1) AS outbox_oldest_age_ms,
       (SELECT count(*) FROM dead_letters WHERE replayed_at IS NULL) AS dead_letters_pending,
       (SELECT max(failed_at) FROM dead_letters WHERE replayed_at IS NULL) AS last_dead_letter_at`;

export async function getPipelineBacklog(db: Queryable): Promise<PipelineBacklog> {
  const { rows } = await db.query<{ outbox_backlog: string; outbox_oldest_age_ms: number | null; dead_letters_pending: string; last_dead_letter_at: Date | null }>(BACKLOG_SQL);
  const row = rows[0]!;
  return {
    outboxBacklog: Number(row.outbox_backlog),
    outboxOldestAgeMs: Math.max(0, Math.round(Number(row.outbox_oldest_age_ms ?? 0))),
    deadLettersPending: Number(row.dead_letters_pending),
    lastDeadLetterAt: row.last_dead_letter_at ? new Date(row.last_dead_letter_at).toISOString() : null,
  };
}
