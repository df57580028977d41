import { counter, gauge, histogram, type Registry } from '@cs/observability';

/** What both adapters record; a no-op when no registry is given so tests and scripts need not care. */
export interface BusMetrics {
  produced(topic: string, count: number): void;
  produceFailed(topic: string, count: number): void;
  consumed(topic: string, group: string): void;
  handlerFailed(topic: string, group: string): void;
  redelivered(topic: string, group: string): void;
  handlerSeconds(topic: string, group: string, seconds: number): void;
  /** Messages behind the partition's high watermark, as this consumer last saw it. */
  consumerLag(topic: string, group: string, partition: number, lag: number): void;
  /** Drops the lag series of a partition this consumer no longer owns (after a rebalance or on stop). */
  clearConsumerLag(topic: string, group: string, partition: number): void;
}

const NOOP: BusMetrics = {
  produced: () => undefined,
  produceFailed: () => undefined,
  consumed: () => undefined,
  handlerFailed: () => undefined,
  redelivered: () => undefined,
  handlerSeconds: () => undefined,
  consumerLag: () => undefined,
  clearConsumerLag: () => undefined,
};

/** Metric names are shared by both adapters, so dashboards do not depend on the deployment mode. */
export function createBusMetrics(registry?: Registry): BusMetrics {
  if (!registry) return NOOP;
  const produced = counter(registry, 'cs_bus_messages_produced_total', 'Messages acknowledged by the bus', ['topic']);
  const produceErrors = counter(registry, 'cs_bus_produce_errors_total', 'Messages the bus refused (publish failed)', ['topic']);
  const consumed = counter(registry, 'cs_bus_messages_consumed_total', 'Messages whose handler resolved (offset committable)', ['topic', 'group']);
  const failed = counter(registry, 'cs_bus_handler_errors_total', 'Handler invocations that threw', ['topic', 'group']);
  const redelivered = counter(registry, 'cs_bus_redeliveries_total', 'Deliveries of a message that had failed before', ['topic', 'group']);
  const latency = histogram(registry, 'cs_bus_handler_duration_seconds', 'Handler latency, success or failure', ['topic', 'group']);
  const lag = gauge(registry, 'cs_bus_consumer_lag', 'Messages not yet handled on a partition this consumer owns (high watermark minus next offset)', ['topic', 'group', 'partition']);
  return {
    produced: (topic, count) => produced.inc({ topic }, count),
    produceFailed: (topic, count) => produceErrors.inc({ topic }, count),
    consumed: (topic, group) => consumed.inc({ topic, group }),
    handlerFailed: (topic, group) => failed.inc({ topic, group }),
    redelivered: (topic, group) => redelivered.inc({ topic, group }),
    handlerSeconds: (topic, group, seconds) => latency.observe({ topic, group }, seconds),
    consumerLag: (topic, group, partition, value) => lag.set({ topic, group, partition: String(partition) }, Math.max(0, value)),
    clearConsumerLag: (topic, group, partition) => lag.remove({ topic, group, partition: String(partition) }),
  };
}
