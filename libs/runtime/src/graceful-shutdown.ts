import type { Logger } from '@cs/observability';

/**
 * On SIGTERM/SIGINT runs the steps in order (stop accepting, drain consumers, flush, close) and exits 0;
 * exits 1 if they outlast the timeout, which should be a little under the pod's terminationGracePeriodSeconds.
 */
export function installGracefulShutdown(logger: Logger, steps: Array<[string, () => Promise<void>]>, timeoutMs: number): void {
  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      logger.error({ timeoutMs }, 'shutdown timed out; exiting');
      process.exit(1);
    }, timeoutMs);
    timer.unref();
    for (const [name, step] of steps) {
      try {
        await step();
      } catch (err) {
        logger.error({ err, step: name }, 'shutdown step failed');
      }
    }
    logger.info('shutdown complete');
    process.exit(0);
  };
  // `on`, not `once`: our listener must stay registered while the steps run. Libraries that exit the process from their
  // own signal handler when nobody else listens (the OpenAI Agents SDK's tracing does) would otherwise cut the drain short.
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}
