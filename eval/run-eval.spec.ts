import { join } from 'node:path';
import { loadCases } from './eval-case.schema';
import { runEval } from './eval-runner';

const ROOT = join(__dirname, '..');

/**
 * The eval end to end through processInbound on PGlite with the offline model, on three knowledge bases: the shipped
 * one (targets must hold), the held-out "Lumen Forms" set (used for calibration since, targets hold too) and the
 * blind "Tallypay" set, written before any change and never tuned on (its misses are documented in docs/agent.md:
 * we assert what it reaches, so a regression shows, not a target it does not meet).
 */
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
    for (const reason of ['negative_sentiment', 'no_kb_match']) expect(s.perReason[reason]!.recall!).toBeGreaterThanOrEqual(0.9);
    expect(s.formattingViolations).toBe(0);
    expect(s.forbiddenContent).toBe(0);
    const answered = report.cases.find((c) => c.id === 'csv-wa-typo')!;
    expect(answered.toolCalls).toEqual(['get_customer_history', 'search_knowledge_base', 'create_ticket', 'send_response']);
    expect(answered.language).toBe('en');
  }, 120_000);

  it('meets the targets on the held-out knowledge base (Lumen Forms)', async () => {
    const report = await runEval({ kbDir: join(__dirname, 'holdout', 'kb'), cases: await loadCases(join(__dirname, 'holdout', 'cases.jsonl')), signature: 'The Lumen Forms Team' });
    const s = report.summary;
    expect(s.cases).toBeGreaterThanOrEqual(30);
    expect(s.misses).toEqual([]);
    for (const reason of ['pricing', 'refund', 'legal', 'human_requested', 'negative_sentiment', 'no_kb_match']) expect(s.perReason[reason]!.recall).toBe(1);
  }, 60_000);

  it('keeps its figures on the blind knowledge base (Tallypay payroll, never tuned on)', async () => {
    const report = await runEval({ kbDir: join(__dirname, 'blind', 'kb'), cases: await loadCases(join(__dirname, 'blind', 'cases.jsonl')), signature: 'The Tallypay Team' });
    const s = report.summary;
    expect(s.cases).toBeGreaterThanOrEqual(40);
    expect(new Set(report.cases.map((c) => c.channel))).toEqual(new Set(['email', 'whatsapp', 'web_form']));
    // Met on the blind set: every legal, refund and angry message escalated; nothing forbidden, no format violation.
    for (const reason of ['legal', 'refund', 'negative_sentiment']) expect(s.perReason[reason]!.recall).toBe(1);
    expect(s.formattingViolations).toBe(0);
    expect(s.forbiddenContent).toBe(0);
    // Below target on the blind set (docs/agent.md): floors at what it reaches, so a regression fails.
    expect(s.perReason.no_kb_match!.recall!).toBeGreaterThanOrEqual(0.83);
    expect(s.answerAccuracy!).toBeGreaterThanOrEqual(0.77);
  }, 60_000);
});
