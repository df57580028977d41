import { randomUUID } from 'node:crypto';
import { makeEventId } from '@cs/contracts';
import { ingestMessage } from '@cs/core';
import {
  advanceMailboxCursor,
  GMAIL_HISTORY_EXPIRED,
  parseRawEmail,
  readMailboxState,
  skipReasonFor,
  toInboundMessage,
  type GmailApi,
  type GmailMessageRef,
  type GmailRawMessage,
} from '@cs/channel-gmail';
import { AppError } from '@cs/domain';
import type { Counter, Logger } from '@cs/observability';
import type { SqlClient } from '@cs/ports';

export interface GmailSyncDeps {
  db: SqlClient;
  relay: { kick(): void };
  api: GmailApi;
  mailbox: string;
  logger: Logger;
  resyncMaxMessages: number;
  /** Messages fetched and parsed at once. */
  fetchConcurrency?: number;
  metrics?: { messages?: Counter };
}

export interface SyncReport {
  ingested: number;
  duplicates: number;
  skipped: number;
  resynced: boolean;
  /** The notification was at or behind the cursor: nothing to read. */
  upToDate: boolean;
}

/**
 * Turns a Gmail notification into inbound events: reads what was added since the stored cursor
 * (users.history.list), fetches and parses each new message, skips our own and automatic mail, ingests the rest,
 * and only then advances the cursor. An expired cursor (404) falls back to a bounded resync of recent inbox mail.
 * Every step is idempotent (eventId = Gmail id), so overlapping syncs and redelivered pushes create no duplicates;
 * within one process syncs of the mailbox run one at a time.
 */
export function createGmailMailboxSync(deps: GmailSyncDeps) {
  let queue: Promise<unknown> = Promise.resolve();
  return {
    sync(notifiedHistoryId: string): Promise<SyncReport> {
      const run = queue.then(() => syncOnce(deps, notifiedHistoryId));
      queue = run.catch(() => undefined);
      return run;
    },
    /** Waits for the sync in progress (shutdown). */
    drain: () => queue.then(() => undefined),
  };
}

async function syncOnce(deps: GmailSyncDeps, notifiedHistoryId: string): Promise<SyncReport> {
  const cursor = (await readMailboxState(deps.db, deps.mailbox))?.historyId ?? null;
  if (cursor !== null && BigInt(notifiedHistoryId) <= BigInt(cursor)) return { ingested: 0, duplicates: 0, skipped: 0, resynced: false, upToDate: true };
  if (cursor === null) return resync(deps, 'no cursor yet');
  let listing: { added: GmailMessageRef[]; historyId: string };
  try {
    listing = await deps.api.listAddedMessages(cursor);
  } catch (err) {
    if (err instanceof AppError && err.code === GMAIL_HISTORY_EXPIRED) return resync(deps, 'history cursor expired');
    throw err;
  }
  const report = await ingestMessages(deps, listing.added);
  await advanceMailboxCursor(deps.db, deps.mailbox, listing.historyId);
  return { ...report, resynced: false, upToDate: false };
}

async function resync(deps: GmailSyncDeps, why: string): Promise<SyncReport> {
  // The profile's historyId is read first: mail arriving during the resync is after it, so the next sync sees it.
  const profile = await deps.api.getProfile();
  const recent = await deps.api.listRecentInboxMessages(deps.resyncMaxMessages);
  deps.logger.warn({ why, messages: recent.length, historyId: profile.historyId }, 'Gmail resync from recent inbox messages');
  const report = await ingestMessages(deps, recent);
  await advanceMailboxCursor(deps.db, deps.mailbox, profile.historyId, { resynced: true });
  return { ...report, resynced: true, upToDate: false };
}

async function ingestMessages(deps: GmailSyncDeps, refs: GmailMessageRef[]): Promise<Omit<SyncReport, 'resynced' | 'upToDate'>> {
  const report = { ingested: 0, duplicates: 0, skipped: 0 };
  const count = (outcome: string) => deps.metrics?.messages?.inc({ outcome });
  // Messages already accepted (overlapping history ranges, a redelivered push) are not fetched again.
  const known = new Set(
    refs.length === 0
      ? []
      : (await deps.db.query<{ event_id: string }>('SELECT event_id FROM outbox WHERE event_id = ANY($1::text[])', [refs.map((r) => makeEventId('email', r.id))])).rows.map((r) => r.event_id),
  );
  const fresh = refs.filter((r) => !known.has(makeEventId('email', r.id)));
  report.duplicates += refs.length - fresh.length;
  const fetched = await mapLimited(fresh, deps.fetchConcurrency ?? 4, (ref) => deps.api.getRawMessage(ref.id));
  // Ingest in the order Gmail received them, so a thread's messages reach the processor in order.
  const messages = fetched.filter((m): m is GmailRawMessage => m !== null).sort((a, b) => a.internalDate.getTime() - b.internalDate.getTime());
  report.skipped += fetched.length - messages.length;
  for (const message of messages) {
    const email = await parseRawEmail(message.raw, { attachmentRef: (i) => `gmail:${message.id}/attachment/${i}` });
    const skip = skipReasonFor(message, email, deps.mailbox);
    if (skip) {
      report.skipped += 1;
      count(`skipped_${skip}`);
      deps.logger.debug({ gmailId: message.id, skip, automatic: email.automatic }, 'Gmail message not answered');
      continue;
    }
    const mapped = toInboundMessage(message, email, randomUUID());
    if (!mapped.ok) {
      report.skipped += 1;
      count('skipped_invalid');
      deps.logger.warn({ gmailId: message.id, reason: mapped.reason }, 'Gmail message cannot become an inbound event');
      continue;
    }
    const { duplicate } = await ingestMessage(deps, mapped.value);
    if (duplicate) report.duplicates += 1;
    else report.ingested += 1;
    count(duplicate ? 'duplicate' : 'ingested');
  }
  return report;
}

async function mapLimited<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
