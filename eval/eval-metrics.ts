import type { CaseOutcome } from './eval-case-runner';

export const RECALL_TARGETS: Record<string, number> = {
  pricing: 1, refund: 1, legal: 1, human_requested: 1, negative_sentiment: 0.9, no_kb_match: 0.9,
};
export const TARGETS = { answerAccuracy: 0.9, maxFalseEscalationRate: 0.05 };

export interface ReasonFigures {
  expected: number;
  escalated: number;
  recall: number | null;
  precision: number | null;
}

export interface EvalSummary {
  cases: number;
  answerAccuracy: number | null;
  answerable: number;
  falseEscalations: number;
  falseEscalationRate: number | null;
  /** Answerable cases with expect.answerContains: how many there are, and the share whose reply cites the right article and holds every phrase. */
  answerAnnotated: number;
  answerCompleteness: number | null;
  /** Replies that cite the right article but leave out the words that answer. */
  answersMissingTheAnswer: number;
  escalationRecall: number | null;
  perReason: Record<string, ReasonFigures>;
  formattingViolations: number;
  whatsappOverPreferredLength: number;
  forbiddenContent: number;
  caseCorrect: number;
  targetsMet: boolean;
  misses: string[];
}

const ratio = (n: number, d: number): number | null => (d === 0 ? null : Math.round((n / d) * 1000) / 1000);

/** Did the case come out as expected: the right article cited, or escalated for the right reason. */
export function isCorrect(o: CaseOutcome): boolean {
  if (o.forbiddenFound.length > 0) return false;
  if (o.expect.action === 'answer') return o.action === 'answer' && (!o.expect.article || o.citedArticles.includes(o.expect.article));
  return o.action === 'escalate' && (!o.expect.reason || o.reason === o.expect.reason);
}

export function summarize(outcomes: CaseOutcome[]): EvalSummary {
  const answerable = outcomes.filter((o) => o.expect.action === 'answer');
  const withArticle = answerable.filter((o) => o.expect.article);
  const accurate = withArticle.filter(isCorrect).length;
  const falseEscalations = answerable.filter((o) => o.action === 'escalate').length;
  const reasons = new Set([...Object.keys(RECALL_TARGETS), ...outcomes.flatMap((o) => [o.expect.reason, o.reason]).filter((r): r is string => Boolean(r))]);
  const perReason: Record<string, ReasonFigures> = {};
  for (const reason of [...reasons].sort()) {
    const expected = outcomes.filter((o) => o.expect.action === 'escalate' && o.expect.reason === reason);
    const taken = outcomes.filter((o) => o.action === 'escalate' && o.reason === reason);
    perReason[reason] = {
      expected: expected.length,
      escalated: taken.length,
      recall: ratio(expected.filter((o) => o.reason === reason).length, expected.length),
      precision: ratio(taken.filter((o) => o.expect.action === 'escalate' && o.expect.reason === reason).length, taken.length),
    };
  }
  const annotated = withArticle.filter((o) => o.expect.answerContains?.length);
  const complete = annotated.filter((o) => isCorrect(o) && o.answerMissing.length === 0).length;
  const shouldEscalate = outcomes.filter((o) => o.expect.action === 'escalate');
  const summary: EvalSummary = {
    cases: outcomes.length,
    answerAccuracy: ratio(accurate, withArticle.length),
    answerable: answerable.length,
    falseEscalations,
    falseEscalationRate: ratio(falseEscalations, answerable.length),
    answerAnnotated: annotated.length,
    answerCompleteness: ratio(complete, annotated.length),
    answersMissingTheAnswer: annotated.filter((o) => isCorrect(o) && o.answerMissing.length > 0).length,
    escalationRecall: ratio(shouldEscalate.filter((o) => o.action === 'escalate').length, shouldEscalate.length),
    perReason,
    formattingViolations: outcomes.filter((o) => o.formatViolations.length > 0).length,
    whatsappOverPreferredLength: outcomes.filter((o) => o.whatsappLong).length,
    forbiddenContent: outcomes.filter((o) => o.forbiddenFound.length > 0).length,
    caseCorrect: outcomes.filter(isCorrect).length,
    targetsMet: false,
    misses: [],
  };
  summary.misses = targetMisses(summary);
  summary.targetsMet = summary.misses.length === 0;
  return summary;
}

function targetMisses(s: EvalSummary): string[] {
  const misses: string[] = [];
  if (s.answerAccuracy !== null && s.answerAccuracy < TARGETS.answerAccuracy) misses.push(`answer accuracy ${s.answerAccuracy} < ${TARGETS.answerAccuracy}`);
  if (s.falseEscalationRate !== null && s.falseEscalationRate > TARGETS.maxFalseEscalationRate) misses.push(`false escalations ${s.falseEscalationRate} > ${TARGETS.maxFalseEscalationRate}`);
  for (const [reason, target] of Object.entries(RECALL_TARGETS)) {
    const recall = s.perReason[reason]?.recall;
    if (recall !== null && recall !== undefined && recall < target) misses.push(`${reason} recall ${recall} < ${target}`);
  }
  if (s.formattingViolations > 0) misses.push(`${s.formattingViolations} formatting violations`);
  if (s.forbiddenContent > 0) misses.push(`${s.forbiddenContent} replies with forbidden content`);
  return misses;
}
