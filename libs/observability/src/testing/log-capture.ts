import { Writable } from 'node:stream';
import { createLogger } from '../logger';

/** A logger whose JSON lines are collected in memory, for specs of what gets logged. */
export function captureLogs(): { lines: Array<Record<string, unknown>>; logger: ReturnType<typeof createLogger> } {
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk, _enc, cb) {
      lines.push(JSON.parse(chunk.toString()));
      cb();
    },
  });
  return { lines, logger: createLogger({ service: 'test', destination }) };
}
