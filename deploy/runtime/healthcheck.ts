import { readFileSync } from 'node:fs';
import { SERVICES, TOOLS } from '../services';

/**
 * Docker HEALTHCHECK: healthy when the service's /readyz answers 2xx. The port is PORT, else the default port of the
 * service the container runs (SERVICE, or the name PID 1 was started with). One-shot tools have nothing to probe.
 */
function containerCommand(): string[] {
  try {
    return readFileSync('/proc/1/cmdline', 'utf8').split('\0');
  } catch {
    return [];
  }
}

const command = containerCommand();
const name = process.env.SERVICE ?? command.find((arg) => SERVICES.some((s) => s.name === arg) || TOOLS.some((t) => t.name === arg) || arg === 'setup');
const service = SERVICES.find((s) => s.name === name);
if (!service && name) process.exit(0);
const port = process.env.PORT && process.env.PORT !== '0' ? process.env.PORT : String(service?.port ?? 3000);

fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(2500) }).then(
  (res) => process.exit(res.ok ? 0 : 1),
  () => process.exit(1),
);
