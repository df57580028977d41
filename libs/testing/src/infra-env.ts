import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type InfraNeed = 'postgres' | 'kafka';

const REPO_ROOT = join(__dirname, '..', '..', '..');

/** `npm run infra:up` writes .infra.env; tests read it so a developer need not export anything by hand. */
export function readInfraEnvFile(root = REPO_ROOT): Record<string, string> {
  const file = join(root, '.infra.env');
  if (!existsSync(file)) return {};
  const vars: Record<string, string> = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const match = /^\s*(?:export\s+)?([A-Z0-9_]+)=(.*)$/.exec(line);
    if (match?.[1]) vars[match[1]] = (match[2] ?? '').trim().replace(/^["']|["']$/g, '');
  }
  return vars;
}

export function infraRequired(): boolean {
  return process.env.CS_REQUIRE_INFRA === '1' || process.env.CS_REQUIRE_INFRA === 'true';
}

export function testDatabaseUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL;
}

export function testKafkaBrokers(): string[] | undefined {
  const raw = process.env.KAFKA_BROKERS;
  return raw ? raw.split(',').map((b) => b.trim()).filter(Boolean) : undefined;
}

/** Set by the Jest global setup after probing: 'up' or a reason it is not. */
export function infraState(need: InfraNeed): { up: boolean; reason: string } {
  const state = process.env[`CS_INFRA_${need.toUpperCase()}`];
  if (state === 'up') return { up: true, reason: '' };
  return { up: false, reason: state ?? 'not probed' };
}
