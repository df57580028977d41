import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { SERVICES } from '../services';
import { parseYaml, ROOT } from './manifests';

interface ComposeService {
  image?: string;
  build?: { context: string; target?: string };
  command?: string[];
  environment?: Record<string, string | number>;
  restart?: string;
  healthcheck?: { test?: string[]; disable?: boolean };
  depends_on?: Record<string, { condition: string }>;
  stop_grace_period?: string;
  read_only?: boolean;
  cap_drop?: string[];
}

const compose = parseYaml(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), 'docker-compose.yml')[0] as { services: Record<string, ComposeService> };
const services = compose.services;
const seconds = (d?: string) => Number(/^(\d+)s$/.exec(d ?? '')?.[1] ?? NaN);

describe('docker-compose.yml', () => {
  it('validates against the Compose Specification schema (vendored in deploy/schemas)', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'deploy/schemas/compose-spec.json'), 'utf8')) as Record<string, unknown>;
    // The spec names its draft-07 meta-schema by an alias ajv does not know; the keywords are draft-07's.
    delete schema.$schema;
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
    const valid = validate(compose);
    expect(valid ? [] : validate.errors!.map((e) => `${e.instancePath} ${e.message}`)).toEqual([]);
    expect(validate({ services: { x: { image: 'i', restart: 5, bogus: true } } })).toBe(false);
  });

  it('runs PostgreSQL with pgvector and Kafka in KRaft mode, with health checks', () => {
    expect(services.postgres!.image).toMatch(/^pgvector\/pgvector:pg1[5-9]/);
    expect(services.kafka!.environment).toMatchObject({ KAFKA_PROCESS_ROLES: 'broker,controller', KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false' });
    for (const name of ['postgres', 'kafka']) expect(services[name]!.healthcheck?.test?.length).toBeGreaterThan(0);
  });

  it('runs the setup job once, after the data stores are healthy', () => {
    const setup = services.setup!;
    expect(setup).toMatchObject({ command: ['setup'], restart: 'no' });
    expect(setup.depends_on).toEqual({ postgres: { condition: 'service_healthy' }, kafka: { condition: 'service_healthy' } });
  });

  it.each(SERVICES.filter((s) => s.kubernetes).map((s) => [s.name, s.port] as const))('runs %s from the image, after setup, health-checked and restarted', (name, port) => {
    const s = services[name]!;
    expect(s.build).toEqual({ context: '.', target: 'runtime' });
    expect(s.image).toBe(services.setup!.image);
    expect(s.command).toEqual([name]);
    expect(s.environment).toMatchObject({ PORT: String(port), DATABASE_URL: expect.stringContaining('@postgres:5432/'), KAFKA_BROKERS: 'kafka:19092' });
    expect(s.depends_on).toEqual({ setup: { condition: 'service_completed_successfully' } });
    expect(s.healthcheck?.test).toEqual(['CMD', 'node', 'dist/healthcheck.js']);
    expect(s.restart).toBe('unless-stopped');
    expect(s).toMatchObject({ read_only: true, cap_drop: ['ALL'] });
    expect(seconds(s.stop_grace_period) * 1000).toBeGreaterThan(Number(s.environment!.SHUTDOWN_TIMEOUT_MS));
  });

  it('publishes ops-api on loopback only, and starts it only with its profile (it needs OPS_API_TOKEN)', () => {
    expect(services['ops-api']).toMatchObject({ ports: ['127.0.0.1:3107:3107'], profiles: ['ops'] });
  });

  it('serves the web form from ingress-web on the host', () => {
    expect((services['ingress-web'] as { ports?: string[] }).ports).toEqual(['127.0.0.1:3100:3100']);
    expect(services['ingress-web']!.environment!.PUBLIC_BASE_URL).toBe('http://localhost:3100');
  });
});
