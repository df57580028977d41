import type { Logger } from '@cs/observability';
import type { EventBus, SqlClient } from '@cs/ports';
import { claimOutboxBatch, markOutboxPublished, recordOutboxFailure, type OutboxRow } from '../repositories/outbox.repository';

export interface OutboxRelayOptions {
  db: SqlClient;
  bus: EventBus;
  logger: Logger;
  batchSize?: number;
  /** Poll interval when idle; a kick() after each enqueue makes the common case immediate. */
  pollIntervalMs?: number;
  /** Back-off after the bus refused a batch (Kafka down). */
  failureBackoffMs?: number;
}

/**
 * Publishes what use cases committed to the outbox table. Rows are claimed with FOR UPDATE SKIP LOCKED, so several
 * replicas can relay at once; a row is marked published only after the bus acknowledged it (acks=all on Kafka).
 */
export class OutboxRelay {
  private running = false;
  private wake: (() => void) | undefined;
  private cancelSleep: (() => void) | undefined;
  private kicked = false;
  private loop: Promise<void> | undefined;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly failureBackoffMs: number;

  constructor(private readonly options: OutboxRelayOptions) {
    this.batchSize = options.batchSize ?? 200;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.failureBackoffMs = options.failureBackoffMs ?? 1000;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Asks for an immediate relay pass (after a commit that enqueued rows). */
  kick(): void {
    this.kicked = true;
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.cancelSleep?.();
    await this.loop;
  }

  /** One pass: publishes up to batchSize rows; returns how many were published. */
  async relayOnce(): Promise<number> {
    const { db, bus } = this.options;
    let claimed: OutboxRow[] = [];
    try {
      return await db.transaction(async (tx) => {
        claimed = await claimOutboxBatch(tx, this.batchSize);
        if (claimed.length === 0) return 0;
        const byTopic = new Map<string, OutboxRow[]>();
        for (const row of claimed) byTopic.set(row.topic, [...(byTopic.get(row.topic) ?? []), row]);
        for (const [topic, rows] of byTopic) {
          await bus.publish(topic, rows.map((r) => ({ key: r.key, value: r.payload, headers: r.headers })));
        }
        await markOutboxPublished(tx, claimed.map((r) => r.id));
        return claimed.length;
      });
    } catch (err) {
      if (claimed.length > 0) await recordOutboxFailure(db, claimed.map((r) => r.id), err).catch(() => undefined);
      throw err;
    }
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.kicked = false;
      let published: number;
      try {
        published = await this.relayOnce();
      } catch (err) {
        this.options.logger.warn({ err }, 'outbox relay could not publish; will retry');
        published = -1;
      }
      if (!this.running) break;
      if (published === this.batchSize || (published >= 0 && this.kicked)) continue;
      // After a failure, kicks are ignored until the back-off ends: a down broker is not hammered per request.
      await this.sleep(published < 0 ? this.failureBackoffMs : this.pollIntervalMs, published >= 0);
    }
  }

  private sleep(ms: number, wakeable: boolean): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.cancelSleep = done;
      this.wake = wakeable ? done : undefined;
    }).finally(() => {
      this.wake = undefined;
      this.cancelSleep = undefined;
    });
  }
}
