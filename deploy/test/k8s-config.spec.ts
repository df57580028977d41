import { join } from 'node:path';
import type { z } from 'zod';
import type { ServiceSpec } from '@cs/runtime';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { ISecret } from 'kubernetes-models/v1/Secret';
import { SERVICES } from '../services';
import { kubectlAvailable, kustomizeBuild, loadManifests, objectsOf, ROOT, type DeploymentObject, type K8sObject } from './manifests';

/**
 * Each service's own config schema, taken from its real main.ts: runService is replaced by a recorder, so importing
 * the composition root hands over the spec instead of starting anything.
 */
async function serviceSpecs(): Promise<Map<string, ServiceSpec<z.ZodType>>> {
  const specs = new Map<string, ServiceSpec<z.ZodType>>();
  await jest.isolateModulesAsync(async () => {
    jest.doMock('@cs/runtime', () => ({
      ...jest.requireActual<object>('@cs/runtime'),
      runService: async (spec: ServiceSpec<z.ZodType>) => void specs.set(spec.name, spec),
    }));
    for (const s of SERVICES) await import(join(ROOT, s.entry));
  });
  return specs;
}

/** Without these a service cannot run in a cluster, though its schema allows them out (PGlite, in-process bus). */
const CLUSTER_REQUIRED = ['DATABASE_URL', 'KAFKA_BROKERS'];
/** Keys in a Secret that are for a demo data store, not for a service. */
const DATA_STORE_KEYS = ['POSTGRES_PASSWORD'];

const manifests = loadManifests();
const configMap = (objectsOf<IConfigMap>(manifests, 'ConfigMap', 'base/')[0]!.object.data ?? {}) as Record<string, string>;
const exampleSecret = (objectsOf<ISecret>(manifests, 'Secret').find((s) => s.file === 'secret.example.yaml')!.object.stringData ?? {}) as Record<string, string>;
let specs: Map<string, ServiceSpec<z.ZodType>>;
beforeAll(async () => {
  specs = await serviceSpecs();
}, 60_000);

function environmentOf(d: DeploymentObject, config: Record<string, string>, secret: Record<string, string>): Record<string, string> {
  const own = Object.fromEntries((d.spec!.template.spec!.containers[0]!.env ?? []).map((e: { name: string; value?: string }) => [e.name, e.value ?? '']));
  return { ...config, ...secret, ...own };
}

function shapeKeys(schema: z.ZodType): string[] {
  return Object.keys((schema as unknown as z.ZodObject<z.ZodRawShape>).shape);
}

describe('configuration in the cluster', () => {
  it('reads every service schema from its main.ts', () => {
    expect([...specs.keys()].sort()).toEqual(SERVICES.map((s) => s.name).sort());
  });

  it.each(SERVICES.filter((s) => s.kubernetes).map((s) => [s.name]))('%s starts on the ConfigMap, the example Secret and its own env', (name) => {
    const d = objectsOf<DeploymentObject>(manifests, 'Deployment').find((x) => x.object.metadata.name === name)!.object;
    const env = environmentOf(d, configMap, exampleSecret);
    const parsed = specs.get(name)!.env.safeParse(env);
    expect(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
    for (const key of CLUSTER_REQUIRED) expect(Object.keys(env)).toContain(key);
    // Every variable the schema cannot do without is provided (not merely defaulted).
    const schema = specs.get(name)!.env as unknown as z.ZodObject<Record<string, z.ZodType>>;
    const required = Object.entries(schema.shape).filter(([, field]) => !field.safeParse(undefined).success).map(([k]) => k);
    for (const key of required) expect(Object.keys(env)).toContain(key);
  });

  it('has no unknown keys in the ConfigMap and the Secrets (a typo would be silently ignored)', () => {
    const known = new Set([...specs.values()].flatMap((s) => shapeKeys(s.env)));
    const demoSecret = objectsOf<ISecret>(manifests, 'Secret').find((s) => s.file.startsWith('demo/'))!.object.stringData ?? {};
    for (const key of [...Object.keys(configMap), ...Object.keys(exampleSecret)]) expect([key, known.has(key)]).toEqual([key, true]);
    for (const key of Object.keys(demoSecret)) expect([key, known.has(key) || DATA_STORE_KEYS.includes(key)]).toEqual([key, true]);
  });

  it('keeps secrets out of the ConfigMap, and only placeholders in the example Secret', () => {
    for (const key of Object.keys(configMap)) expect(key).not.toMatch(/PASSWORD|SECRET|TOKEN|API_KEY|DATABASE_URL|CREDENTIALS/);
    for (const [key, value] of Object.entries(exampleSecret)) expect([key, value]).toEqual([key, expect.stringContaining('REPLACE_ME')]);
    expect(Object.keys(exampleSecret)).toEqual(expect.arrayContaining(['DATABASE_URL', 'OPENAI_API_KEY']));
  });

  it('starts every service of the demo overlay on its rendered ConfigMap and Secret', () => {
    if (!kubectlAvailable()) {
      console.warn('kubectl not installed: the demo overlay was not rendered');
      return;
    }
    const objects = kustomizeBuild('demo')!;
    const find = (kind: string, name: string) => objects.find((o) => o.kind === kind && o.metadata.name === name) as K8sObject & Record<string, Record<string, string>>;
    const config = find('ConfigMap', 'cs-config').data!;
    const secret = find('Secret', 'cs-secrets').stringData!;
    for (const service of SERVICES.filter((s) => s.kubernetes)) {
      const d = find('Deployment', service.name) as unknown as DeploymentObject;
      // Channels the demo switches off (no provider accounts) need not start on its Secret.
      if (d.spec!.replicas === 0) continue;
      const parsed = specs.get(service.name)!.env.safeParse(environmentOf(d, config, secret));
      expect([service.name, parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'))]).toEqual([service.name, []]);
    }
    // The demo database's password is the one in DATABASE_URL.
    expect(secret.DATABASE_URL).toContain(`:${secret.POSTGRES_PASSWORD}@postgres:5432/`);
  });
});
