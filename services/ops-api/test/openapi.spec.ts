import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { parse } from 'yaml';
import { createHttpApp, type express } from '@cs/http';
import { createLogger, createMetricsRegistry } from '@cs/observability';
import type { SqlClient } from '@cs/ports';
import type { Infrastructure, ServiceSpec } from '@cs/runtime';

/**
 * docs/openapi.yaml against the routes the services really register: each service's app is built the way runService
 * builds it (the shared HTTP app, then the component's router), from its own main.ts and config schema, on stub
 * adapters, and its route table is read back. Every route must be documented, on a path that names the service's
 * port among its servers, and every documented operation must be served by some service. Always runs (no infra).
 */
const ROOT = join(__dirname, '..', '..', '..');

interface Operation {
  parameters?: Array<{ name?: string; in?: string; $ref?: string }>;
  responses?: Record<string, unknown>;
}
type PathItem = Record<string, unknown> & { servers?: Array<{ url: string }>; parameters?: Operation['parameters'] };
interface OpenApi {
  servers: Array<{ url: string }>;
  paths: Record<string, PathItem>;
  components: Record<string, Record<string, unknown>>;
}

const spec = parse(readFileSync(join(ROOT, 'docs/openapi.yaml'), 'utf8')) as OpenApi;
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Each HTTP-facing service, with the settings its schema needs to mount its routes (stub credentials). */
const SERVED: Record<string, Record<string, string>> = {
  'ingress-web': {},
  'ingress-gmail': {
    GMAIL_MAILBOX: 'support@example.com',
    GMAIL_OAUTH_CLIENT_ID: 'client-id',
    GMAIL_OAUTH_CLIENT_SECRET: 'client-secret',
    GMAIL_OAUTH_REFRESH_TOKEN: 'refresh-token',
    PUBSUB_PUSH_AUDIENCE: 'https://support.example.com/webhooks/gmail',
    PUBSUB_PUSH_SERVICE_ACCOUNT: 'push@example.iam.gserviceaccount.com',
  },
  'ingress-whatsapp': { TWILIO_AUTH_TOKEN: 'twilio-auth-token' },
  'ops-api': { OPS_REFRESH_INTERVAL_MS: '3600000' },
};

/** The composition roots' specs: runService is replaced by a recorder, so importing main.ts starts nothing. */
async function serviceSpecs(): Promise<Map<string, ServiceSpec<z.ZodType>>> {
  const specs = new Map<string, ServiceSpec<z.ZodType>>();
  await jest.isolateModulesAsync(async () => {
    jest.doMock('@cs/runtime', () => ({
      ...jest.requireActual<object>('@cs/runtime'),
      runService: async (s: ServiceSpec<z.ZodType>) => void specs.set(s.name, s),
    }));
    for (const name of Object.keys(SERVED)) await import(join(ROOT, 'services', name, 'src', 'main.ts'));
  });
  return specs;
}

/** Adapters that are never called while routes are mounted (ops-api's first refresh reads nothing and fails quietly). */
function stubInfrastructure(service: string): Infrastructure {
  const db = {
    kind: 'postgres',
    query: async () => ({ rows: [], rowCount: 0 }),
    transaction: async (work: (tx: unknown) => Promise<unknown>) => work(db),
    session: async () => {
      throw new Error('no database in this test');
    },
    close: async () => undefined,
  } as unknown as SqlClient;
  return {
    service,
    logger: createLogger({ service, level: 'silent' }),
    registry: createMetricsRegistry(service, { defaultMetrics: false }),
    db,
    bus: { isHealthy: async () => true } as unknown as Infrastructure['bus'],
    relay: { notify: () => undefined, start: () => undefined, stop: async () => undefined } as unknown as Infrastructure['relay'],
    readiness: [],
    mode: { database: 'postgres', bus: 'kafka' },
    close: async () => undefined,
  };
}

interface Layer {
  name?: string;
  rawPath?: string | string[];
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/**
 * "METHOD /path" for every route in an express app or router, mounted paths included, in OpenAPI's {param} syntax.
 * A static file mount counts as GET of its directory (its index page).
 */
function routesOf(stack: Layer[], prefix = ''): string[] {
  const join = (base: string, path: string) => `${base}${path === '/' ? '' : path}`;
  const openapiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}') || '/';
  return stack.flatMap((layer) => {
    if (layer.route) {
      const paths = [layer.route.path].flat();
      const methods = Object.keys(layer.route.methods).filter((m) => layer.route!.methods[m] && m !== '_all');
      return paths.flatMap((p) => methods.map((m) => `${m.toUpperCase()} ${openapiPath(join(prefix, p))}`));
    }
    const mount = [layer.rawPath ?? '/'].flat();
    if (mount.length !== 1 || typeof mount[0] !== 'string') return [];
    if (layer.handle?.stack) return routesOf(layer.handle.stack, join(prefix, mount[0]));
    if (layer.name === 'serveStatic') return [`GET ${join(prefix, mount[0])}/`];
    return [];
  });
}

const documented = Object.entries(spec.paths).flatMap(([path, item]) =>
  METHODS.filter((m) => item[m]).map((m) => `${m.toUpperCase()} ${path}`),
);
const serversOf = (path: string) => (spec.paths[path]?.servers ?? spec.servers).map((s) => s.url);

let routes: Map<string, string[]>;
/** Each service's default port, from its config schema. */
const ports = new Map<string, number>();
beforeAll(async () => {
  routes = new Map();
  const specs = await serviceSpecs();
  for (const [name, env] of Object.entries(SERVED)) {
    const service = specs.get(name)!;
    const infra = stubInfrastructure(name);
    const config = service.env.parse(env) as { PORT: number };
    ports.set(name, config.PORT);
    const component = await service.start(infra, config);
    const app = createHttpApp({ service: name, logger: infra.logger, registry: infra.registry, readiness: [] });
    if (component.router) app.use(component.router);
    routes.set(name, routesOf((app as unknown as { router: express.Router & { stack: Layer[] } }).router.stack));
    await component.stop();
  }
}, 60_000);

describe('docs/openapi.yaml', () => {
  it('reads each service its routes (the route table reader still understands express)', () => {
    expect(routes.get('ops-api')).toEqual(expect.arrayContaining(['GET /healthz', 'GET /api/v1/health', 'GET /api/v1/messages/{eventId}/trace', 'GET /ops/']));
    expect(routes.get('ingress-web')).toEqual(expect.arrayContaining(['POST /api/v1/support/form', 'GET /']));
    expect(routes.get('ingress-gmail')).toContain('POST /webhooks/gmail');
    expect(routes.get('ingress-whatsapp')).toContain('POST /webhooks/whatsapp/status');
  });

  it.each(Object.keys(SERVED))('documents every route %s registers, with its port among the servers', (name) => {
    const url = `http://localhost:${ports.get(name)}`;
    for (const route of routes.get(name)!) {
      expect([route, documented.includes(route)]).toEqual([route, true]);
      expect([route, serversOf(route.split(' ')[1]!)]).toEqual([route, expect.arrayContaining([url])]);
    }
  });

  it('documents nothing that no service serves', () => {
    const served = new Set([...routes.values()].flat());
    expect(documented.filter((op) => !served.has(op))).toEqual([]);
  });

  it('resolves every $ref, and declares every path parameter', () => {
    const refs: string[] = [];
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(visit);
      else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (key === '$ref' && typeof value === 'string') refs.push(value);
          else visit(value);
        }
      }
    };
    visit(spec);
    const resolve = (ref: string) => ref.slice(2).split('/').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], spec);
    expect(refs.filter((ref) => !ref.startsWith('#/') || resolve(ref) === undefined)).toEqual([]);

    for (const [path, item] of Object.entries(spec.paths)) {
      for (const method of METHODS.filter((m) => item[m])) {
        const op = item[method] as Operation;
        expect([path, method, Object.keys(op.responses ?? {}).length > 0]).toEqual([path, method, true]);
        const params = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p) => (p.$ref ? (resolve(p.$ref) as { name: string; in: string }) : p));
        const inPath = params.filter((p) => p.in === 'path').map((p) => p.name).sort();
        expect([path, method, inPath]).toEqual([path, method, [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()]);
      }
    }
  });
});
