import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { findDeployable, SERVICES, SETUP_STEPS, TOOLS } from '../services';

/**
 * The image's entry point: `start.js <service>` runs one bundled service or tool in this process (so it is PID 1 and
 * gets SIGTERM directly); `start.js setup` (or several names) runs tools one after the other and stops at the first
 * failure. The name comes from the arguments, else from SERVICE.
 */
function main(argv: string[]): void {
  const names = argv.length > 0 ? argv : process.env.SERVICE ? [process.env.SERVICE] : [];
  const steps = names.flatMap((n) => (n === 'setup' ? [...SETUP_STEPS] : [n]));
  const unknown = steps.filter((n) => !findDeployable(n));
  if (steps.length === 0 || unknown.length > 0) {
    process.stderr.write(
      `${unknown.length > 0 ? `unknown: ${unknown.join(', ')}\n` : ''}usage: start.js <name> | setup\n` +
        `  services: ${SERVICES.map((s) => s.name).join(', ')}\n  tools: ${TOOLS.map((t) => t.name).join(', ')}, setup (${SETUP_STEPS.join(' → ')})\n`,
    );
    process.exit(2);
  }
  if (steps.length === 1) {
    process.argv.splice(2, argv.length);
    createRequire(__filename)(join(__dirname, steps[0]!, 'main.js'));
    return;
  }
  for (const step of steps) {
    const { status, signal } = spawnSync(process.execPath, [...process.execArgv, join(__dirname, step, 'main.js')], { stdio: 'inherit' });
    if (status !== 0) {
      process.stderr.write(`${step} failed (${signal ?? `exit ${status}`}); stopping\n`);
      process.exit(status || 1);
    }
  }
}

main(process.argv.slice(2));
