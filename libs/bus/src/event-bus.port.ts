/** A record as a consumer sees it. `offset` is a decimal string (Kafka offsets exceed 2^53 in theory). */
export interface BusMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer;
  headers: Record<string, string>;
  timestamp: string;
}

export interface OutgoingMessage {
  /** Messages with one key keep their order: they land on one partition. */
  key: string;
  value: Buffer | string;
  headers?: Record<string, string>;
}

export interface HandlerContext {
  /** Call during long work so the group does not consider the consumer dead. */
  heartbeat(): Promise<void>;
}

/**
 * Handles one message. Resolving means its effects are durable and the offset may be committed.
 * Throwing means "not done": the same message is delivered again (at-least-once); the partition does not advance past it.
 */
export type MessageHandler = (message: BusMessage, context: HandlerContext) => Promise<void>;

export interface SubscribeOptions {
  groupId: string;
  topics: string[];
  handler: MessageHandler;
  /** Where a group with no committed offset starts. Default: earliest, so nothing published before start is lost. */
  fromBeginning?: boolean;
  /** Delay before a failed message is delivered again. Default: the adapter's (1 s unless configured). */
  redeliveryDelayMs?: number;
}

export interface StopOptions {
  /**
   * How long to wait for in-flight messages. Past it they are abandoned uncommitted (their handlers keep running
   * unobserved) and the group gets them again, as after a crash. Default: wait as long as they take.
   * A service's SIGTERM hook should pass a little less than its termination grace period.
   */
  drainTimeoutMs?: number;
}

export interface Subscription {
  /** Finishes the in-flight messages, commits, leaves the group. Idempotent. */
  stop(options?: StopOptions): Promise<void>;
}

/** The event bus port. Adapters: Kafka (kafkajs) and in-process (embedded mode, unit tests). */
export interface EventBus {
  publish(topic: string, messages: OutgoingMessage[]): Promise<void>;
  subscribe(options: SubscribeOptions): Promise<Subscription>;
  /** True when the bus can currently accept publishes (for readiness). */
  isHealthy(): Promise<boolean>;
  close(): Promise<void>;
}
