import type { Logger } from '@cs/observability';
import type { EventBus, SqlClient } from '@cs/ports';
import { claimOutboxBatch, markOutboxPublished, recordOutboxFailure, type OutboxRecord } from '../repositories/outbox.repository';

export interface OutboxRelayOptions {
  db: SqlClient;
  bus: EventBus;
  logger: Logger;
  batchSize?: number;
  /** Poll interval when idle; a kick() after each enqueue makes the common case immediate. */
  pollIntervalMs?: number;
  /** Back-off after the bus refused a batch (Kafka down). */
  failureBackoffMs?: number;
  /** After a kick, wait this long for more commits so one pass publishes them together (like Kafka's linger.ms). */
  lingerMs?: number;
}

/**
 * Publishes what use cases committed to the outbox table. Rows are leased with FOR UPDATE SKIP LOCKED, so several
 * replicas can relay at once; a row is marked published only after the bus acknowledged it (acks=all on Kafka).
 * A relay that dies mid-publish loses its lease and another publishes the rows again: at-least-once, and every
 * consumer is idempotent by eventId.
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
  private readonly leaseMs = 30_000;
  private readonly lingerMs: number;

  constructor(private readonly options: OutboxRelayOptions) {
    this.batchSize = options.batchSize ?? 200;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.failureBackoffMs = options.failureBackoffMs ?? 1000;
    this.lingerMs = options.lingerMs ?? 3;
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

  /** One pass: publishes up to batchSize due rows; returns how many were published. */
  async relayOnce(): Promise<number> {
    const { db, bus } = this.options;
    // The claim commits at once (a lease), so no transaction stays open while Kafka is slow or down.
    const claimed = await claimOutboxBatch(db, { limit: this.batchSize, leaseMs: this.leaseMs });
    if (claimed.length === 0) return 0;
    const byTopic = new Map<string, OutboxRecord[]>();
    for (const row of claimed) byTopic.set(row.topic, [...(byTopic.get(row.topic) ?? []), row]);
    const published: string[] = [];
    try {
      for (const [topic, rows] of byTopic) {
        await bus.publish(topic, rows.map((r) => ({ key: r.key ?? r.id, value: r.payload, headers: r.headers })));
        published.push(...rows.map((r) => r.id));
      }
    } catch (err) {
      const failed = claimed.filter((r) => !published.includes(r.id));
      const message = err instanceof Error ? err.message : String(err);
      await Promise.all(failed.map((r) => recordOutboxFailure(db, r.id, message, this.failureBackoffMs)));
      throw err;
    } finally {
      await markOutboxPublished(db, published);
    }
    return published.length;
  }

  private async run(): Promise<void> {
    while (this.running) {
      if (this.kicked && this.lingerMs > 0) await new Promise((r) => setTimeout(r, this.lingerMs));
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
