import type { StopOptions, Subscription } from '../event-bus.port';
import type { MessageDelivery } from '../message-delivery';
import { delay } from '../wait';
import type { PartitionLog } from './partition-log';
import { PartitionWorker } from './partition-worker';

export interface MemberSpec {
  topics: string[];
  delivery: MessageDelivery;
  redeliveryDelayMs: number;
  fromBeginning: boolean;
}

interface Member {
  spec: MemberSpec;
  workers: Map<string, PartitionWorker>;
}

const slotOf = (topic: string, partition: number) => `${topic}\u0000${partition}`;

/**
 * A consumer group of the in-process bus: committed offsets per partition, and members that share the
 * partitions of the topics they subscribe to (rebalanced on every join and leave, round-robin in join order).
 */
export class InMemoryConsumerGroup {
  private readonly committed = new Map<string, number>();
  // Per partition, settles when its latest worker let go; the next worker waits on it (handover, no overlap).
  private readonly owners = new Map<string, Promise<void>>();
  private readonly members: Member[] = [];
  private readonly knownTopics = new Set<string>();

  constructor(
    readonly groupId: string,
    private readonly partitionsOf: (topic: string) => PartitionLog[],
    private readonly onCommit: (log: PartitionLog) => void,
  ) {}

  /** Whether any member ever subscribed to the topic: its messages are retained for this group. */
  knows(topic: string): boolean {
    return this.knownTopics.has(topic);
  }

  committedOffset(topic: string, partition: number): number | undefined {
    return this.committed.get(slotOf(topic, partition));
  }

  join(spec: MemberSpec): Subscription {
    const member: Member = { spec, workers: new Map() };
    for (const topic of spec.topics) this.knownTopics.add(topic);
    this.members.push(member);
    this.rebalance();
    let stopping: Promise<void> | undefined;
    return { stop: (options?: StopOptions) => (stopping ??= this.leave(member, options ?? {})) };
  }

  private async leave(member: Member, { drainTimeoutMs }: StopOptions): Promise<void> {
    this.members.splice(this.members.indexOf(member), 1);
    const workers = [...member.workers.values()];
    member.workers.clear();
    // The remaining members take over now; their workers start once ours have let go.
    this.rebalance();
    for (const worker of workers) worker.revoke();
    const drained = Promise.all(workers.map((w) => w.done));
    if (drainTimeoutMs === undefined) return void (await drained);
    const timeout = new AbortController();
    await Promise.race([drained, delay(drainTimeoutMs, timeout.signal)]);
    timeout.abort();
    // No-op for workers that finished; the others give their partitions up uncommitted, as in a crash.
    for (const worker of workers) worker.abandon();
  }

  private rebalance(): void {
    const wanted = new Map<Member, Map<string, PartitionLog>>(this.members.map((m) => [m, new Map()]));
    for (const topic of this.knownTopics) {
      const subscribers = this.members.filter((m) => m.spec.topics.includes(topic));
      if (subscribers.length === 0) continue;
      this.partitionsOf(topic).forEach((log, partition) => {
        wanted.get(subscribers[partition % subscribers.length]!)!.set(slotOf(topic, partition), log);
      });
    }
    for (const member of this.members) {
      const mine = wanted.get(member)!;
      for (const [slot, worker] of member.workers) {
        if (mine.has(slot)) continue;
        worker.revoke();
        member.workers.delete(slot);
      }
      for (const [slot, log] of mine) {
        if (!member.workers.has(slot)) member.workers.set(slot, this.startWorker(member.spec, slot, log));
      }
    }
  }

  private startWorker(spec: MemberSpec, slot: string, log: PartitionLog): PartitionWorker {
    const position = {
      get: () => this.committed.get(slot),
      commit: (nextOffset: number) => {
        this.committed.set(slot, nextOffset);
        this.onCommit(log);
      },
    };
    const { delivery, redeliveryDelayMs, fromBeginning } = spec;
    const worker = new PartitionWorker({ log, position, delivery, redeliveryDelayMs, fromBeginning }, this.owners.get(slot) ?? Promise.resolve());
    this.owners.set(slot, worker.release);
    return worker;
  }
}
