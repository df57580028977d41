import type { Server } from 'node:http';
import { z } from 'zod';
import { httpEnv, loadConfig } from '@cs/config';
import { createHttpApp, errorHandler, type express } from '@cs/http';
import { createInfrastructure, type Infrastructure } from './infrastructure';
import { installGracefulShutdown } from './graceful-shutdown';
import { runtimeEnv, type RuntimeEnv } from './runtime.env';

export interface ServiceComponent {
  /** Public routes, mounted after the health and metrics endpoints. */
  router?: express.Router;
  /** Drains in-flight work (consumers finish their message and commit). */
  stop(): Promise<void>;
}

/** Runtime + HTTP settings plus the service's own; PORT defaults per service. */
export function serviceEnvSchema<E extends z.ZodRawShape>(defaultPort: number, extra: E) {
  return z.object({ ...runtimeEnv, ...httpEnv, PORT: httpEnv.PORT.default(defaultPort), ...extra });
}

export interface ServiceSpec<S extends z.ZodType> {
  name: string;
  env: S;
  /** Only the standalone process, which hosts every consumer itself, may run on the in-process bus. */
  allowInMemoryBus?: boolean;
  /** False for ingress services: Kafka down degrades them (the outbox keeps accepting) instead of making them unready. */
  busCriticalForReadiness?: boolean;
  start(infra: Infrastructure, env: z.infer<S>): Promise<ServiceComponent>;
}

/**
 * The shape of every service's main.ts: parse config (fail fast), build adapters, start the component, serve
 * /healthz /readyz /metrics and its routes, and shut down in order on SIGTERM.
 */
export async function runService<S extends z.ZodType>(spec: ServiceSpec<S>): Promise<void> {
  try {
    const parsed = loadConfig(spec.name, spec.env);
    const env = parsed as RuntimeEnv & { PORT: number; HOST: string };
    const infra = await createInfrastructure(spec.name, env, { allowInMemoryBus: spec.allowInMemoryBus, busCriticalForReadiness: spec.busCriticalForReadiness });
    infra.relay.start();
    let accepting = true;
    const component = await spec.start(infra, parsed);
    const app = createHttpApp({ service: spec.name, logger: infra.logger, registry: infra.registry, readiness: infra.readiness, isAccepting: () => accepting });
    if (component.router) app.use(component.router);
    app.use(errorHandler(infra.logger));
    const server = app.listen(env.PORT, env.HOST, () => infra.logger.info({ port: env.PORT, mode: infra.mode }, `${spec.name} ready`));
    // Longer than the usual load-balancer idle timeout (60 s), so the proxy, not us, closes idle keep-alive connections
    // and never sends a request on a socket we are closing at that moment (a reset the client would see).
    server.keepAliveTimeout = 65_000;
    server.headersTimeout = 66_000;
    installGracefulShutdown(
      infra.logger,
      [
        [
          'readiness',
          async () => {
            accepting = false;
            if (env.SHUTDOWN_DRAIN_DELAY_MS > 0) await new Promise((resolve) => setTimeout(resolve, env.SHUTDOWN_DRAIN_DELAY_MS));
          },
        ],
        ['http', () => closeHttp(server)],
        ['component', () => component.stop()],
        ['infrastructure', () => infra.close()],
      ],
      env.SHUTDOWN_TIMEOUT_MS,
    );
  } catch (err) {
    process.stderr.write(`${spec.name} failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}

/**
 * Stops accepting, lets in-flight requests finish, and closes keep-alive connections: idle ones at once, and any still
 * open after a grace period (10 s: far longer than any request here; a client that keeps an idle socket would
 * otherwise hold the shutdown for keepAliveTimeout, 65 s).
 */
function closeHttp(server: Server, graceMs = 10_000): Promise<void> {
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), graceMs).unref();
  });
}
