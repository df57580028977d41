import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { agentEnvSchema } from '@cs/agent';
import { loadCases } from './eval-case.schema';
import { isCorrect } from './eval-metrics';
import { formatSummary } from './eval-report.format';
import { runEval } from './eval-runner';

/** `npm run eval -- --kb <dir> --cases <file.jsonl> [--out report.json] [--signature "..."] [--verbose] [--trace]` */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { kb: { type: 'string' }, cases: { type: 'string' }, out: { type: 'string' }, signature: { type: 'string' }, verbose: { type: 'boolean', default: false }, trace: { type: 'boolean', default: false } },
  });
  if (!values.kb || !values.cases) throw new Error('usage: npm run eval -- --kb <dir> --cases <file.jsonl> [--out report.json]');
  // PRODUCT_NAME only when set: otherwise the eval takes it from --signature (the schema's default would name
  // Brightdesk for every set).
  const env = { ...agentEnvSchema.parse(process.env), PRODUCT_NAME: process.env.PRODUCT_NAME || undefined };
  const cases = await loadCases(resolve(values.cases));
  const report = await runEval({
    kbDir: resolve(values.kb),
    cases,
    env,
    signature: values.signature,
    trace: values.trace,
    onCase: (o) => {
      const got = o.action === 'answer' ? `answer ${o.citedArticles.join(',') || '-'}` : `${o.action} ${o.reason ?? '-'}`;
      const want = o.expect.action === 'answer' ? `answer ${o.expect.article ?? '-'}` : `escalate ${o.expect.reason ?? '-'}`;
      const extra = [o.formatViolations.join(','), o.forbiddenFound.length ? `forbidden:${o.forbiddenFound.join('|')}` : '', isCorrect(o) && o.answerMissing.length ? `incomplete:${o.answerMissing.join('|')}` : ''].filter(Boolean).join(' ');
      process.stdout.write(`${isCorrect(o) ? 'PASS' : 'FAIL'} ${o.id.padEnd(28)} ${o.channel.padEnd(8)} got ${got.padEnd(42)} want ${want} kb=${o.bestKbScore ?? '-'} s=${o.sentiment ?? '-'} ${extra}\n`);
      if (values.verbose) process.stdout.write(`     ${o.reply.replace(/\n/g, '\n     ')}\n`);
    },
  });
  process.stdout.write(formatSummary(report));
  if (values.out) {
    await writeFile(resolve(values.out), `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(`report written to ${resolve(values.out)}\n`);
  }
  if (!report.summary.targetsMet) process.exitCode = 2;
}

main().catch((err: unknown) => {
  process.stderr.write(`eval failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
