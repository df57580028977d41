import { readMailboxState, recordMailboxWatch, type GmailApi } from '@cs/channel-gmail';
import type { Logger } from '@cs/observability';
import type { Queryable } from '@cs/ports';

export interface GmailWatchOptions {
  db: Queryable;
  api: GmailApi;
  mailbox: string;
  topicName: string;
  intervalMs: number;
  logger: Logger;
}

/**
 * Keeps users.watch alive: a watch lapses after 7 days, so it is renewed every interval (daily by default) and its
 * expiry recorded. Replicas may renew at once; a second watch call only replaces the first.
 */
export function startGmailWatchRenewal(options: GmailWatchOptions): { renewIfDue(): Promise<boolean>; stop(): void } {
  const renewIfDue = async (): Promise<boolean> => {
    const state = await readMailboxState(options.db, options.mailbox);
    const now = Date.now();
    const fresh = state?.watchRenewedAt && now - state.watchRenewedAt.getTime() < options.intervalMs * 0.9;
    const lasting = state?.watchExpiresAt && state.watchExpiresAt.getTime() - now > options.intervalMs;
    if (fresh && lasting) return false;
    const watch = await options.api.watch(options.topicName, ['INBOX']);
    await recordMailboxWatch(options.db, options.mailbox, watch);
    options.logger.info({ expiresAt: watch.expiration.toISOString(), historyId: watch.historyId }, 'Gmail watch renewed');
    return true;
  };
  const tick = () => renewIfDue().catch((err) => options.logger.error({ err }, 'Gmail watch renewal failed; will try again'));
  void tick();
  const timer = setInterval(tick, Math.min(options.intervalMs, 3_600_000));
  timer.unref();
  return { renewIfDue, stop: () => clearInterval(timer) };
}
