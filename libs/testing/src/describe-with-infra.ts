import { infraRequired, infraState, type InfraNeed } from './infra-env';

/** The marker the skip reporter looks for in suite titles. */
export const NEEDS_MARKER = '[needs ';

/**
 * A suite that runs against real PostgreSQL and/or Kafka. Without them it is skipped and reported
 * (see infra-skip.reporter.js); with CS_REQUIRE_INFRA=1, as in CI, it fails instead.
 */
export function describeWithInfra(needs: InfraNeed[], name: string, body: () => void): void {
  const missing = needs.map((n) => ({ need: n, ...infraState(n) })).filter((s) => !s.up);
  const title = `${name} ${NEEDS_MARKER}${needs.join(' + ')}]`;
  if (missing.length === 0) {
    describe(title, body);
    return;
  }
  const why = missing.map((m) => `${m.need}: ${m.reason}`).join('; ');
  if (infraRequired()) {
    describe(title, () => {
      it('has its infrastructure', () => {
        throw new Error(`CS_REQUIRE_INFRA=1 but ${why}. Run: npm run infra:up`);
      });
    });
    return;
  }
  const skipped = describe.skip;
  skipped(title, body);
}
