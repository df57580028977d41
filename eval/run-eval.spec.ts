import { join } from 'node:path';
import { loadCases } from './eval-case.schema';
import { runEval } from './eval-runner';

const ROOT = join(__dirname, '..');

/**
 * The eval end to end through processInbound on PGlite with the offline model: the shipped knowledge base (targets
 * must hold) and five written blind by other authors, whose misses are documented in docs/agent.md (we assert what
 * they reach).
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
    // Right article and the words that answer (expect.answerContains): 84 % at session 6.
    expect(s.answerAnnotated).toBeGreaterThanOrEqual(70);
    expect(s.answerCompleteness!).toBeGreaterThanOrEqual(0.84);
    const answered = report.cases.find((c) => c.id === 'csv-wa-typo')!;
    expect(answered.toolCalls).toEqual(['get_customer_history', 'search_knowledge_base', 'create_ticket', 'send_response']);
    expect(answered.language).toBe('en');
  }, 120_000);

  /**
   * Knowledge bases written blind by other authors (docs/agent.md), used for development once measured: Lumen Forms
   * (held-out), Tallypay, Stockroom, Clinicly and the held-back sets after their one run (final to final28). They miss
   * the targets; floors at what each reaches, so a regression fails, and what is met everywhere is asserted.
   * Held-back sets not yet run are not listed here. The one "forbidden" reply of final4 and of final13 quotes its
   * article verbatim ("entries that have already been approved…", "approved mileage") and the case's author forbade
   * the word "approved".
   */
  it.each([
    ['holdout', 'The Lumen Forms Team', { accuracy: 1.0, noKb: 1.0, complete: 0.84 }],
    ['blind', 'The Tallypay Team', { accuracy: 0.93, noKb: 0.66, complete: 0.8 }],
    ['blind2', 'The Stockroom Team', { accuracy: 0.94, noKb: 1.0, complete: 0.7 }],
    ['blind3', 'The Clinicly Team', { accuracy: 0.91, noKb: 0.8, complete: 0.58 }],
    ['final', 'The Routewise Team', { accuracy: 0.91, noKb: 0.6, complete: 0.51 }],
    ['final2', 'The Lettable Team', { accuracy: 0.88, noKb: 0.8, complete: 0.58 }],
    ['final3', 'The Classwise Team', { accuracy: 0.94, noKb: 1.0, complete: 0.7 }],
    ['final4', 'The Shiftly Team', { accuracy: 0.91, noKb: 0.6, forbidden: 1, complete: 0.61 }],
    ['final5', 'The Eventry Team', { accuracy: 0.97, noKb: 0.8, complete: 0.82 }],
    ['final6', 'The Pawpoint Team', { accuracy: 0.94, noKb: 0.4, complete: 0.7 }],
    ['final7', 'The Quillr Team', { accuracy: 0.88, noKb: 0.8, complete: 0.61 }],
    ['final8', 'The Gymflow Team', { accuracy: 0.97, noKb: 0.6, complete: 0.77 }],
    ['final9', 'The Helpnest Team', { accuracy: 0.94, noKb: 0.4, complete: 0.61 }],
    ['final10', 'The Cropcycle Team', { accuracy: 0.91, noKb: 0.6, complete: 0.73 }],
    ['final11', 'The Tablely Team', { accuracy: 0.88, noKb: 0.8, complete: 0.55 }],
    ['final12', 'The Parcelport Team', { accuracy: 0.94, noKb: 1.0, complete: 0.55 }],
    ['final13', 'The Nestcare Team', { accuracy: 0.82, noKb: 0.6, forbidden: 1, complete: 0.62 }],
    ['final14', 'The Shelfsync Team', { accuracy: 0.91, noKb: 0.4, complete: 0.61 }],
    ['final15', 'The Smilebook Team', { accuracy: 0.88, noKb: 0.2, complete: 0.64 }],
    ['final16', 'The Campnest Team', { accuracy: 0.94, noKb: 0.8, complete: 0.7 }],
    ['final17', 'The Lessonloop Team', { accuracy: 0.94, noKb: 0.4, complete: 0.55 }],
    ['final18', 'The Kennelkeep Team', { accuracy: 0.82, noKb: 0.8, complete: 0.44 }],
    ['final19', 'The Printhaus Team', { accuracy: 0.94, noKb: 0.8, complete: 0.67 }],
    ['final20', 'The Fixflow Team', { accuracy: 0.94, noKb: 0.8, complete: 0.67 }],
    ['final21', 'The Crewhub Team', { accuracy: 0.82, noKb: 0.8, complete: 0.61 }],
    ['final22', 'The Pourplan Team', { accuracy: 0.94, noKb: 0.6, complete: 0.73 }],
    ['final23', 'The Tidyteam Team', { accuracy: 0.88, noKb: 0.8, complete: 0.73 }],
    ['final24', 'The Lawnwise Team', { accuracy: 0.97, noKb: 0.6, complete: 0.79 }],
    ['final25', 'The Deskhive Team', { accuracy: 0.85, noKb: 0.6, complete: 0.52 }],
    ['final26', 'The Caterly Team', { accuracy: 0.91, noKb: 0.6, complete: 0.64 }],
    ['final27', 'The Shutterdesk Team', { accuracy: 0.94, noKb: 0.6, complete: 0.79 }],
    ['final28', 'The Wrenchly Team', { accuracy: 0.91, noKb: 0.8, complete: 0.55 }],
  ] as const)('keeps its figures on the unseen knowledge base eval/%s', async (dir, signature, floor) => {
    const report = await runEval({ kbDir: join(__dirname, dir, 'kb'), cases: await loadCases(join(__dirname, dir, 'cases.jsonl')), signature });
    const s = report.summary;
    expect(s.cases).toBeGreaterThanOrEqual(30);
    expect(new Set(report.cases.map((c) => c.channel))).toEqual(new Set(['email', 'whatsapp', 'web_form']));
    expect(s.perReason.legal!.recall).toBe(1);
    expect(s.perReason.human_requested!.recall).toBe(1);
    expect(s.formattingViolations).toBe(0);
    expect(s.forbiddenContent).toBe('forbidden' in floor ? floor.forbidden : 0);
    expect(s.answerAccuracy!).toBeGreaterThanOrEqual(floor.accuracy);
    expect(s.perReason.no_kb_match!.recall!).toBeGreaterThanOrEqual(floor.noKb);
    expect(s.answerAnnotated).toBe(report.cases.filter((c) => c.expect.action === 'answer' && c.expect.article).length);
    expect(s.answerCompleteness!).toBeGreaterThanOrEqual(floor.complete);
  }, 60_000);
});
