import { readFile, rm, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { SERVICES, TOOLS } from './services';

/**
 * `npm run build:services`: bundles every service and tool into dist/<name>/main.js (CommonJS, Node 24), plus the
 * image's launcher (dist/start.js) and health check (dist/healthcheck.js). The Dockerfile runs the same build.
 */
export const ROOT = resolve(__dirname, '..');
export const DIST = join(ROOT, 'dist');

/**
 * Loaded at run time, not bundled. PGlite reads its wasm and data files next to its own code, so it is copied into the
 * image as a package (only the embedded standalone mode opens it); pg-native and pino-pretty are optional and absent.
 */
export const RUNTIME_PACKAGES = ['@electric-sql/pglite', '@electric-sql/pglite-pgvector'] as const;
const EXTERNAL = [...RUNTIME_PACKAGES, 'pg-native', 'pino-pretty'];

/**
 * Our sources locate files beside them (database/migrations, web-form/public) through __dirname. In a bundle __dirname
 * is dist/<name>, so each source file gets the directory it had in the repository, expressed relative to the bundle:
 * the lookups work wherever dist/ sits next to those folders (the repository, or /app in the image).
 */
const sourceDirname: Plugin = {
  name: 'source-dirname',
  setup(b) {
    b.onLoad({ filter: /[\\/](libs|services)[\\/].*\.ts$/ }, async (args) => {
      if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
      const contents = await readFile(args.path, 'utf8');
      if (!contents.includes('__dirname')) return { contents, loader: 'ts' };
      const fromBundle = relative(join(DIST, 'any-service'), dirname(args.path)).split(sep).join('/');
      return { contents: contents.replace(/\b__dirname\b/g, `require('node:path').join(__dirname, ${JSON.stringify(fromBundle)})`), loader: 'ts' };
    });
  },
};

export interface BuildReport {
  /** Bytes of each bundle, by entry name (e.g. "ingress-web/main"). */
  sizes: Record<string, number>;
  /** Every source file that went into a bundle, relative to the repository root. */
  inputs: string[];
}

export async function buildServices(options: { minify?: boolean } = {}): Promise<BuildReport> {
  await rm(DIST, { recursive: true, force: true });
  const entryPoints: Record<string, string> = {
    start: join(ROOT, 'deploy/runtime/start.ts'),
    healthcheck: join(ROOT, 'deploy/runtime/healthcheck.ts'),
  };
  for (const d of [...SERVICES, ...TOOLS]) entryPoints[`${d.name}/main`] = join(ROOT, d.entry);
  const result = await build({
    entryPoints,
    absWorkingDir: ROOT,
    outdir: DIST,
    bundle: true,
    platform: 'node',
    target: 'node24',
    format: 'cjs',
    external: EXTERNAL,
    plugins: [sourceDirname],
    // Stack traces point at the TypeScript sources (the image runs with --enable-source-maps).
    sourcemap: 'linked',
    sourcesContent: false,
    minifyWhitespace: options.minify ?? true,
    minifySyntax: options.minify ?? true,
    // Error classes and log fields keep their names.
    keepNames: true,
    legalComments: 'none',
    logLevel: 'warning',
    // sentiment's optional `require('../languages/' + code)` finds nothing to add: only English ships, statically loaded.
    logOverride: { 'empty-glob': 'silent' },
    metafile: true,
  });
  const sizes: Record<string, number> = {};
  for (const name of Object.keys(entryPoints)) sizes[name] = (await stat(join(DIST, `${name}.js`))).size;
  return { sizes, inputs: Object.keys(result.metafile.inputs).map((p) => relative(ROOT, resolve(ROOT, p)).split(sep).join('/')) };
}

if (require.main === module) {
  buildServices().then(
    ({ sizes }) => {
      for (const [name, bytes] of Object.entries(sizes)) process.stdout.write(`dist/${name}.js  ${(bytes / 1024 / 1024).toFixed(2)} MB\n`);
    },
    (err: unknown) => {
      process.stderr.write(`build:services failed: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
