import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICES, TOOLS } from '../services';
import { parseYaml, ROOT } from './manifests';

/**
 * Services that exist in the tree but are not deployed yet, each with the reason. A new service must be added to
 * deploy/services.ts (and so get an image entry, k8s manifests and a compose entry) or listed here.
 */
const NOT_YET_DEPLOYED: Record<string, string> = {};

describe('deploy/services.ts', () => {
  it('names every service in the tree that has a composition root', () => {
    const roots = readdirSync(join(ROOT, 'services')).filter((s) => existsSync(join(ROOT, 'services', s, 'src', 'main.ts')));
    const missing = roots.filter((s) => !SERVICES.some((d) => d.name === s) && !(s in NOT_YET_DEPLOYED));
    expect(missing).toEqual([]);
  });

  it('points at entry files that exist, with distinct names and ports', () => {
    for (const d of [...SERVICES, ...TOOLS]) expect([d.name, existsSync(join(ROOT, d.entry))]).toEqual([d.name, true]);
    const names = [...SERVICES, ...TOOLS].map((d) => d.name);
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(SERVICES.map((s) => s.port)).size).toBe(SERVICES.length);
    expect(names).not.toContain('setup');
  });
});

describe('docs/openapi.yaml', () => {
  // Which routes each service serves is checked against the services themselves in services/ops-api/test/openapi.spec.ts.
  it('lists a server for every service port', () => {
    const openapi = parseYaml(readFileSync(join(ROOT, 'docs/openapi.yaml'), 'utf8'), 'docs/openapi.yaml')[0] as { servers: Array<{ url: string }> };
    const urls = openapi.servers.map((s) => s.url);
    for (const s of SERVICES) expect([s.name, urls]).toEqual([s.name, expect.arrayContaining([`http://localhost:${s.port}`])]);
  });
});
