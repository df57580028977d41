import { join } from 'node:path';
import { loadCases } from './eval-case.schema';
import { runEval } from './eval-runner';

const ROOT = join(__dirname, '..');

/** The shipped eval, end to end through processInbound on PGlite with the offline model: the targets must hold. */
describe('eval harness smoke test', () => {
  it('meets the targets on the shipped cases', async () => {
    const cases = await loadCases(join(__dirname, 'cases.jsonl'));
    expect(cases.length).toBeGreaterThanOrEqual(80);
    expect(new Set(cases.map((c) => c.channel))).toEqual(new Set(['email', 'whatsapp', 'web_form']));
    const report = await runEval({ kbDir: join(ROOT, 'knowledge-base'), cases });
    const s = report.summary;
    expect(s.misses).toEqual([]);
    expect(s.answerAccuracy!).toBeGreaterThanOrEqual(0.9);
    expect(s.falseEscalationRate!).toBeLessThanOrEqual(0.05);
    for (const reason of ['pricing', 'refund', 'legal', 'human_requested']) expect(s.perReason[reason]!.recall).toBe(1);
    expect(s.formattingViolations).toBe(0);
    expect(s.forbiddenContent).toBe(0);
    const answered = report.cases.find((c) => c.id === 'csv-wa-typo')!;
    expect(answered.toolCalls).toEqual(['get_customer_history', 'search_knowledge_base', 'create_ticket', 'send_response']);
    expect(answered.language).toBe('en');
  }, 120_000);

  it('runs the held-out set and reports its figures', async () => {
    const report = await runEval({ kbDir: join(__dirname, 'holdout', 'kb'), cases: await loadCases(join(__dirname, 'holdout', 'cases.jsonl')), signature: 'The Lumen Forms Team' });
    expect(report.summary.cases).toBeGreaterThanOrEqual(30);
    for (const reason of ['pricing', 'legal', 'human_requested', 'negative_sentiment']) expect(report.summary.perReason[reason]!.recall).toBe(1);
    expect(report.summary.formattingViolations).toBe(0);
    expect(report.summary.forbiddenContent).toBe(0);
  }, 60_000);
});
