import { HEADERS } from '@cs/contracts';
import type { SqlClient } from '@cs/ports';
import { findDeadLetter, listDeadLetters, markDeadLetterReplayed, type DeadLetterRow } from '../repositories/dead-letter.repository';
import { enqueueOutbox } from '../repositories/outbox.repository';
import { recordTrace } from '../repositories/trace.repository';

/**
 * Puts dead letters back on their source topic with their original bytes and key. The consumer's eventId
 * idempotency makes a replay of an already-processed event harmless.
 */
export async function replayDeadLetters(
  deps: { db: SqlClient; relay: { kick(): void } },
  selection: { ids: string[] } | { all: true },
): Promise<{ replayed: string[]; missing: string[] }> {
  const letters: DeadLetterRow[] = [];
  const missing: string[] = [];
  if ('all' in selection) {
    letters.push(...(await listDeadLetters(deps.db, { limit: 10_000 })));
  } else {
    for (const id of selection.ids) {
      const letter = await findDeadLetter(deps.db, id);
      if (letter) letters.push(letter);
      else missing.push(id);
    }
  }
  for (const letter of letters) {
    await deps.db.transaction(async (tx) => {
      await enqueueOutbox(tx, {
        topic: letter.source_topic,
        key: letter.source_key ?? letter.id,
        payload: Buffer.from(letter.payload, 'utf8'),
        headers: { ...letter.headers, [HEADERS.attempt]: '1', 'x-replayed-from': letter.id },
      });
      await markDeadLetterReplayed(tx, letter.id);
      if (letter.event_id) {
        await recordTrace(tx, { event: { eventId: letter.event_id, correlationId: letter.headers[HEADERS.correlationId] ?? '' }, stage: 'replayed', service: 'dlq-cli', detail: { deadLetterId: letter.id } });
      }
    });
  }
  deps.relay.kick();
  return { replayed: letters.map((l) => l.id), missing };
}
