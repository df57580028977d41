import { counter, histogram, type Registry } from '@cs/observability';

/** What both adapters record; a no-op when no registry is given so tests and scripts need not care. */
export interface BusMetrics {
  produced(topic: string, count: number): void;
  consumed(topic: string, group: string): void;
  handlerFailed(topic: string, group: string): void;
  redelivered(topic: string, group: string): void;
  handlerSeconds(topic: string, group: string, seconds: number): void;
}

const NOOP: BusMetrics = {
  produced: () => undefined,
  consumed: () => undefined,
  handlerFailed: () => undefined,
  redelivered: () => undefined,
  handlerSeconds: () => undefined,
};

/** Metric names are shared by both adapters, so dashboards do not depend on the deployment mode. */
export function createBusMetrics(registry?: Registry): BusMetrics {
  if (!registry) return NOOP;
  const produced = counter(registry, 'cs_bus_messages_produced_total', 'Messages acknowledged by the bus', ['topic']);
  const consumed = counter(registry, 'cs_bus_messages_consumed_total', 'Messages whose handler resolved (offset committable)', ['topic', 'group']);
  const failed = counter(registry, 'cs_bus_handler_errors_total', 'Handler invocations that threw', ['topic', 'group']);
  const redelivered = counter(registry, 'cs_bus_redeliveries_total', 'Deliveries of a message that had failed before', ['topic', 'group']);
  const latency = histogram(registry, 'cs_bus_handler_duration_seconds', 'Handler latency, success or failure', ['topic', 'group']);
  return {
    produced: (topic, count) => produced.inc({ topic }, count),
    consumed: (topic, group) => consumed.inc({ topic, group }),
    handlerFailed: (topic, group) => failed.inc({ topic, group }),
    redelivered: (topic, group) => redelivered.inc({ topic, group }),
    handlerSeconds: (topic, group, seconds) => latency.observe({ topic, group }, seconds),
  };
}
