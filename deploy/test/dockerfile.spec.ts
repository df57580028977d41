import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import dockerignore from '@balena/dockerignore';
import { DockerfileParser, ModifiableInstruction } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';
import { SERVICES, TOOLS } from '../services';
import { ROOT } from './manifests';

const text = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
const dockerfile = DockerfileParser.parse(text);
const instructions = dockerfile.getInstructions().map((i) => ({
  keyword: i.getKeyword(),
  flags: i instanceof ModifiableInstruction ? i.getFlags().map((f) => `--${f.getName()}=${f.getValue()}`) : [],
  args: i.getArguments().map((a) => a.getValue()),
  line: i.getRange().start.line,
}));
const stages = dockerfile.getFROMs().map((f) => ({ name: f.getBuildStage(), line: f.getRange().start.line }));
const finalStart = stages.at(-1)!.line;
const inFinal = instructions.filter((i) => i.line >= finalStart);
const inBuild = instructions.filter((i) => i.line < finalStart);

const ignore = dockerignore({ ignorecase: false }).add(readFileSync(join(ROOT, '.dockerignore'), 'utf8'));
/** The files `docker build .` would send: what git knows (tracked or not ignored) minus .dockerignore. */
const repoFiles = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter((f) => f && existsSync(join(ROOT, f)));
const context = ignore.filter(repoFiles);

describe('Dockerfile', () => {
  it('has no syntax or instruction problems', () => {
    expect(validate(text).map((d) => `line ${d.range.start.line + 1}: ${d.message}`)).toEqual([]);
  });

  it('bundles in a build stage and runs from a slim Node 24 stage as a numeric non-root user', () => {
    expect(stages.map((s) => s.name)).toEqual(['build', 'runtime']);
    expect(instructions[0]).toMatchObject({ keyword: 'ARG', args: ['NODE_IMAGE=node:24-bookworm-slim'] });
    expect(inBuild.find((i) => i.keyword === 'RUN')!.args.join(' ')).toMatch(/npm ci .*&& node scripts\/fetch-embedding-model\.mjs .*&& npm run build:services/);
    const user = inFinal.filter((i) => i.keyword === 'USER').at(-1)!.args[0]!;
    expect(user).toMatch(/^[1-9]\d*:[1-9]\d*$/);
    expect(inFinal.some((i) => i.keyword === 'HEALTHCHECK' && i.args.join(' ').includes('dist/healthcheck.js'))).toBe(true);
    expect(inFinal.find((i) => i.keyword === 'ENTRYPOINT')!.args.join(' ')).toContain('dist/start.js');
  });

  it('copies only the bundles (with their runtime packages) and the files they read into the final stage', () => {
    const copies = inFinal.filter((i) => i.keyword === 'COPY');
    const fromBuild = copies.filter((c) => c.flags.includes('--from=build')).map((c) => c.args[0]);
    expect(fromBuild).toEqual(['/src/dist', '/src/libs/knowledge/models']);
    const fromContext = copies.filter((c) => !c.flags.some((f) => f.startsWith('--from'))).map((c) => c.args[0]!);
    expect(fromContext.sort()).toEqual(['database/migrations', 'knowledge-base', 'libs/knowledge/data', 'services/ops-api/public', 'web-form/public']);
    // Each lands at the same path under /app as in the repository.
    for (const c of copies.filter((x) => !x.flags.some((f) => f.startsWith('--from')))) expect(c.args[1]).toBe(`./${c.args[0]}`);
    for (const dir of fromContext) expect(context.some((f) => f.startsWith(`${dir}/`))).toBe(true);
  });
});

describe('.dockerignore', () => {
  it('keeps tests, local data, dependencies, docs and secrets out of the build context', () => {
    expect(context.length).toBeGreaterThan(50);
    const leaked = context.filter((f) => /\.spec\.ts$|(^|\/)test\/|(^|\/)fixtures\/|^docs\/|^\.data\/|node_modules\/|^\.env$|^\.infra\.env$|^k8s\/|^bench\/|\.md$/.test(f) && !f.startsWith('knowledge-base/'));
    expect(leaked).toEqual([]);
    for (const f of ['.data/pglite/PG_VERSION', 'node_modules/x/index.js', 'libs/db/src/a.spec.ts', 'services/x/test/y.ts', '.infra.env', 'dist/x/main.js']) {
      expect([f, ignore.ignores(f)]).toEqual([f, true]);
    }
  });

  it('keeps what `npm ci` and the bundling need', () => {
    const needed = [
      'package.json',
      'package-lock.json',
      'deploy/build-services.ts',
      'scripts/fetch-embedding-model.mjs',
      'deploy/services.ts',
      'deploy/runtime/start.ts',
      'deploy/runtime/healthcheck.ts',
      ...[...SERVICES, ...TOOLS].map((d) => d.entry),
      // Every workspace's package.json, or npm ci rejects the lock.
      ...repoFiles.filter((f) => /^(libs|services)\/([^/]+\/)?[^/]+\/package\.json$|^web-form\/package\.json$/.test(f)),
    ];
    for (const f of needed) expect([f, context.includes(f)]).toEqual([f, true]);
  });
});
