// Prints which suites were skipped for lack of PostgreSQL/Kafka and how to enable them;
// with CS_REQUIRE_INFRA=1 any such skip fails the run, so CI can never pass on skipped integration suites.
const MARKER = '[needs ';

// A suite skipped by a name filter (-t) while its infrastructure is up is not an infrastructure skip.
function needsAreDown(title) {
  const needs = title.slice(title.indexOf(MARKER) + MARKER.length, title.lastIndexOf(']')).split(' + ');
  return needs.some((need) => process.env[`CS_INFRA_${need.trim().toUpperCase()}`] !== 'up');
}

class InfraSkipReporter {
  constructor() {
    this.error = undefined;
  }

  onRunComplete(_contexts, results) {
    const skipped = new Map();
    for (const file of results.testResults) {
      for (const test of file.testResults) {
        if (test.status !== 'pending' && test.status !== 'skipped') continue;
        const suite = test.ancestorTitles.find((t) => t.includes(MARKER));
        if (!suite || !needsAreDown(suite)) continue;
        skipped.set(suite, (skipped.get(suite) ?? 0) + 1);
      }
    }
    if (skipped.size === 0) return;
    const lines = [...skipped].map(([suite, n]) => `  - ${suite} (${n} tests)`);
    const message =
      `\n${skipped.size} integration suites were SKIPPED because real infrastructure is not reachable:\n${lines.join('\n')}\n` +
      `Enable them with: npm run infra:up   (then npm test again; it reads .infra.env)\n`;
    process.stderr.write(message);
    const required = process.env.CS_REQUIRE_INFRA === '1' || process.env.CS_REQUIRE_INFRA === 'true';
    if (required) this.error = new Error('CS_REQUIRE_INFRA=1 and integration suites were skipped');
  }

  getLastError() {
    return this.error;
  }
}

module.exports = InfraSkipReporter;
