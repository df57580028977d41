import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findDeployable, SERVICES, SETUP_STEPS, TOOLS } from '../services';

/**
 * The image's entry point. `start.js <name> [args...]` runs one bundled service or tool in this process (so it is
 * PID 1 and gets SIGTERM directly), with the remaining arguments (`start.js dlq list`). `start.js setup` runs the
 * setup tools one after the other and stops at the first failure. Without arguments the name comes from SERVICE.
 */
function main(argv: string[]): void {
  const [name, ...args] = argv.length > 0 ? argv : process.env.SERVICE ? [process.env.SERVICE] : [];
  if (name === 'setup') return runSteps(SETUP_STEPS);
  if (!name || !findDeployable(name)) {
    process.stderr.write(
      `${name ? `unknown: ${name}\n` : ''}usage: start.js <name> [args...] | setup\n` +
        `  services: ${SERVICES.map((s) => s.name).join(', ')}\n  tools: ${TOOLS.map((t) => t.name).join(', ')}\n` +
        `  setup: ${SETUP_STEPS.join(' → ')}\n`,
    );
    process.exit(2);
  }
  const entry = join(__dirname, name, 'main.js');
  // The bundle sees the argv it would have had if started directly: node <its main.js> [args...].
  process.argv = [process.argv[0]!, entry, ...args];
  import(pathToFileURL(entry).href).catch((err: unknown) => {
    process.stderr.write(`${name} failed to load: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
}

function runSteps(steps: readonly string[]): void {
  for (const step of steps) {
    const { status, signal } = spawnSync(process.execPath, [...process.execArgv, join(__dirname, step, 'main.js')], { stdio: 'inherit' });
    if (status !== 0) {
      process.stderr.write(`${step} failed (${signal ?? `exit ${status}`}); stopping\n`);
      process.exit(status || 1);
    }
  }
}

main(process.argv.slice(2));
