import type { BusMessage, OutgoingMessage } from '../event-bus.port';
import { deferred, raceAbort } from '../wait';

/** One partition of an in-process topic: an append-only array whose head can be trimmed once every group is past it. */
export class PartitionLog {
  private base = 0; // offset of entries[0]
  private readonly entries: BusMessage[] = [];
  // Replaced on every append; waiters park on it instead of polling.
  private appended = deferred();

  constructor(
    readonly topic: string,
    readonly partition: number,
  ) {}

  get startOffset(): number {
    return this.base;
  }

  get endOffset(): number {
    return this.base + this.entries.length;
  }

  append(message: OutgoingMessage): BusMessage {
    const record: BusMessage = {
      topic: this.topic,
      partition: this.partition,
      offset: String(this.endOffset),
      key: message.key,
      value: Buffer.isBuffer(message.value) ? Buffer.from(message.value) : Buffer.from(message.value, 'utf8'),
      headers: { ...message.headers },
      timestamp: String(Date.now()),
    };
    this.entries.push(record);
    const { resolve } = this.appended;
    this.appended = deferred();
    resolve();
    return record;
  }

  at(offset: number): BusMessage | undefined {
    return offset >= this.base ? this.entries[offset - this.base] : undefined;
  }

  /** Resolves once a message exists at `offset`, or when `signal` aborts. */
  async waitFor(offset: number, signal: AbortSignal): Promise<void> {
    while (offset >= this.endOffset && !signal.aborted) await raceAbort(this.appended.promise, signal);
  }

  /** Drops messages below `offset` (every known group has committed past them). */
  trimBefore(offset: number): void {
    const count = Math.min(offset - this.base, this.entries.length);
    if (count <= 0) return;
    this.entries.splice(0, count);
    this.base += count;
  }
}
