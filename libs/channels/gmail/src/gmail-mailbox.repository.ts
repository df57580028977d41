import type { Queryable } from '@cs/ports';

export interface MailboxState {
  historyId: string | null;
  watchExpiresAt: Date | null;
  watchRenewedAt: Date | null;
}

export async function readMailboxState(db: Queryable, mailbox: string): Promise<MailboxState | undefined> {
  const { rows } = await db.query<{ history_id: string | null; watch_expires_at: Date | null; watch_renewed_at: Date | null }>(
    'SELECT history_id::text AS history_id, watch_expires_at, watch_renewed_at FROM gmail_mailboxes WHERE email_address = $1',
    [mailbox],
  );
  const row = rows[0];
  return row ? { historyId: row.history_id, watchExpiresAt: row.watch_expires_at, watchRenewedAt: row.watch_renewed_at } : undefined;
}

/** Moves the history cursor forward, never back: overlapping syncs and out-of-order pushes cannot rewind it. */
export async function advanceMailboxCursor(db: Queryable, mailbox: string, historyId: string, options: { resynced?: boolean } = {}): Promise<void> {
  await db.query(
    `INSERT INTO gmail_mailboxes (email_address, history_id, last_synced_at, last_resync_at) VALUES ($1, $2::numeric, now(), CASE WHEN $3 THEN now() END)
     ON CONFLICT (email_address) DO UPDATE SET
       history_id = GREATEST(gmail_mailboxes.history_id, EXCLUDED.history_id),
       last_synced_at = now(),
       last_resync_at = COALESCE(EXCLUDED.last_resync_at, gmail_mailboxes.last_resync_at)`,
    [mailbox, historyId, options.resynced ?? false],
  );
}

/** Records a users.watch answer; the first watch also starts the cursor at its historyId. */
export async function recordMailboxWatch(db: Queryable, mailbox: string, watch: { historyId: string; expiration: Date }): Promise<void> {
  await db.query(
    `INSERT INTO gmail_mailboxes (email_address, history_id, watch_expires_at, watch_renewed_at) VALUES ($1, $2::numeric, $3, now())
     ON CONFLICT (email_address) DO UPDATE SET
       history_id = COALESCE(gmail_mailboxes.history_id, EXCLUDED.history_id),
       watch_expires_at = EXCLUDED.watch_expires_at,
       watch_renewed_at = now()`,
    [mailbox, watch.historyId, watch.expiration],
  );
}
