import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export { Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Latency buckets in seconds, from 1 ms to 30 s. */
export const LATENCY_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** One registry per service process, with Node's default metrics and a `service` label on everything. */
export function createMetricsRegistry(service: string, options: { defaultMetrics?: boolean } = {}): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry });
  return registry;
}

/** Returns the registered metric of that name, or registers it: lets libraries share one registry safely. */
export function getOrCreate<T extends Counter | Gauge | Histogram>(registry: Registry, name: string, create: () => T): T {
  return (registry.getSingleMetric(name) as T | undefined) ?? create();
}

export function counter(registry: Registry, name: string, help: string, labelNames: string[] = []): Counter {
  return getOrCreate(registry, name, () => new Counter({ name, help, labelNames, registers: [registry] }));
}

export function gauge(registry: Registry, name: string, help: string, labelNames: string[] = []): Gauge {
  return getOrCreate(registry, name, () => new Gauge({ name, help, labelNames, registers: [registry] }));
}

export function histogram(registry: Registry, name: string, help: string, labelNames: string[] = [], buckets = LATENCY_BUCKETS): Histogram {
  return getOrCreate(registry, name, () => new Histogram({ name, help, labelNames, buckets, registers: [registry] }));
}
