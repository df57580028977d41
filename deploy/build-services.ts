import { cp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { SERVICES, TOOLS } from './services';

/**
 * `npm run build:services`: bundles every service and tool into dist/<name>/main.js, plus the image's launcher
 * (dist/start.js) and health check (dist/healthcheck.js). The Dockerfile runs the same build.
 *
 * ES modules with code splitting: what the entry points share (zod, kafkajs, pg, express, the libs...) is emitted
 * once under dist/chunks/ instead of once per service, which keeps the image's JavaScript at a fraction of the size.
 * Chunks sit one level below dist/, like the entries, so the __dirname rewrite below holds for both.
 */
export const ROOT = resolve(__dirname, '..');
export const DIST = join(ROOT, 'dist');

/**
 * Loaded at run time, not bundled: copied to dist/node_modules, where the bundles resolve them. PGlite reads its wasm
 * and data files next to its own code (only the embedded standalone mode opens it); ops-api serves a file from the
 * chart.js package; ONNX Runtime (the offline embedding model) is a native addon. pg-native and pino-pretty are
 * optional and absent.
 */
export const RUNTIME_PACKAGES = ['@electric-sql/pglite', '@electric-sql/pglite-pgvector', 'chart.js', 'onnxruntime-node', 'onnxruntime-common'] as const;

/** onnxruntime-node ships its native library for every platform (290 MB); the image needs only the one it runs on. */
function forThisPlatform(path: string): boolean {
  const native = /[\\/]bin[\\/]napi-v\d+[\\/]([^\\/]+)(?:[\\/]([^\\/]+))?/.exec(path);
  if (!native) return true;
  return native[1] === process.platform && (native[2] === undefined || native[2] === process.arch);
}
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
      return { contents: contents.replace(/\b__dirname\b/g, `__cs_join(__dirname, ${JSON.stringify(fromBundle)})`), loader: 'ts' };
    });
  },
};

const ESM_PRELUDE = [
  "import { createRequire as __cs_createRequire } from 'node:module';",
  "import { fileURLToPath as __cs_fileURLToPath } from 'node:url';",
  "import { dirname as __cs_dirname, join as __cs_join } from 'node:path';",
  'const require = __cs_createRequire(import.meta.url);',
  'const __filename = __cs_fileURLToPath(import.meta.url);',
  'const __dirname = __cs_dirname(__filename);',
].join('');

export interface BuildReport {
  /** Bytes of each entry file, by name (e.g. "ingress-web/main"); most code is in the shared chunks. */
  sizes: Record<string, number>;
  /** Bytes of JavaScript in dist/chunks/, and in dist/ altogether (source maps not counted). */
  sharedBytes: number;
  totalBytes: number;
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
    format: 'esm',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    // What CommonJS sources and dependencies expect (require, __filename, __dirname), in every output file.
    banner: { js: ESM_PRELUDE },
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
  // The repository is CommonJS; dist/ is ES modules.
  await writeFile(join(DIST, 'package.json'), '{ "type": "module" }\n');
  for (const pkg of RUNTIME_PACKAGES) {
    await cp(join(ROOT, 'node_modules', pkg), join(DIST, 'node_modules', pkg), { recursive: true, dereference: true, filter: forThisPlatform });
  }
  const sizes: Record<string, number> = {};
  for (const name of Object.keys(entryPoints)) sizes[name] = (await stat(join(DIST, `${name}.js`))).size;
  const js = Object.entries(result.metafile.outputs).filter(([file]) => file.endsWith('.js'));
  const sharedBytes = js.filter(([file]) => file.includes('/chunks/')).reduce((sum, [, o]) => sum + o.bytes, 0);
  const totalBytes = js.reduce((sum, [, o]) => sum + o.bytes, 0);
  return { sizes, sharedBytes, totalBytes, inputs: Object.keys(result.metafile.inputs).map((p) => relative(ROOT, resolve(ROOT, p)).split(sep).join('/')) };
}

if (require.main === module) {
  buildServices().then(
    ({ sizes, sharedBytes, totalBytes }) => {
      const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
      for (const [name, bytes] of Object.entries(sizes)) process.stdout.write(`dist/${name}.js  ${(bytes / 1024).toFixed(1)} kB\n`);
      process.stdout.write(`dist/chunks/ (shared)  ${mb(sharedBytes)}\nJavaScript in dist/  ${mb(totalBytes)}\n`);
    },
    (err: unknown) => {
      process.stderr.write(`build:services failed: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
