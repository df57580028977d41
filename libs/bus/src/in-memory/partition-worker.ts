import type { HandlerContext } from '../event-bus.port';
import type { MessageDelivery } from '../message-delivery';
import { deferred, delay } from '../wait';
import type { PartitionLog } from './partition-log';

/** The group's committed position of one partition: the next offset to process. */
export interface PartitionPosition {
  get(): number | undefined;
  commit(nextOffset: number): void;
}

export interface PartitionWorkerOptions {
  log: PartitionLog;
  position: PartitionPosition;
  delivery: MessageDelivery;
  redeliveryDelayMs: number;
  fromBeginning: boolean;
}

// Nothing to keep alive in-process; the port still promises the function.
const NO_HEARTBEAT: HandlerContext = { heartbeat: async () => undefined };

/**
 * Consumes one partition for one group member, one message at a time, committing after each handled one.
 * A failed message is retried after the delay without moving on, so later messages of the partition wait.
 */
export class PartitionWorker {
  private readonly revoked = new AbortController(); // finish the in-flight message, then exit
  private readonly abandoned = new AbortController(); // exit now, the in-flight message stays uncommitted
  private readonly released = deferred();
  /** Settles when the worker has exited (its in-flight message finished or was abandoned). */
  readonly done: Promise<void>;

  /** `previousOwner` settles when the partition's last owner in this group let go: owners never overlap. */
  constructor(
    private readonly options: PartitionWorkerOptions,
    previousOwner: Promise<void>,
  ) {
    this.done = this.run(previousOwner).finally(() => this.released.resolve());
  }

  /** Settles when the next owner of the partition may start. */
  get release(): Promise<void> {
    return this.released.promise;
  }

  revoke(): void {
    this.revoked.abort();
  }

  /** Crash semantics: let the next owner start now; a handler still running is ignored when it settles. */
  abandon(): void {
    this.abandoned.abort();
    this.revoked.abort();
    this.released.resolve();
  }

  private async run(previousOwner: Promise<void>): Promise<void> {
    await previousOwner;
    const { log, delivery, redeliveryDelayMs } = this.options;
    while (!this.revoked.signal.aborted) {
      const offset = this.currentPosition();
      const message = log.at(offset);
      if (!message) {
        await log.waitFor(offset, this.revoked.signal);
        continue;
      }
      const outcome = await delivery.run(message, NO_HEARTBEAT, this.abandoned.signal);
      if (outcome === 'abandoned') return;
      if (outcome === 'handled' && !this.abandoned.signal.aborted) this.options.position.commit(offset + 1);
      if (outcome === 'failed') await delay(redeliveryDelayMs, this.revoked.signal);
    }
  }

  private currentPosition(): number {
    const { log, position, fromBeginning } = this.options;
    const committed = position.get();
    const start = Math.max(committed ?? (fromBeginning ? log.startOffset : log.endOffset), log.startOffset);
    // Recording the start makes a later restart of the group resume here instead of at the then-latest offset.
    if (committed !== start) position.commit(start);
    return start;
  }
}
