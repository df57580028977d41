import type { EvalReport } from './eval-runner';

const pct = (v: number | null) => (v === null ? 'n/a' : `${(v * 100).toFixed(1)} %`);

/** The summary block the CLI prints after the per-case lines. */
export function formatSummary(report: EvalReport): string {
  const s = report.summary;
  const lines = [
    '',
    `model ${report.model}, embeddings ${report.embeddings}, ${s.cases} cases in ${(report.durationMs / 1000).toFixed(1)} s`,
    `cases as expected:        ${s.caseCorrect}/${s.cases}`,
    `answer accuracy:          ${pct(s.answerAccuracy)} (expected article cited)`,
    ...(s.answerAnnotated > 0
      ? [`complete answers:         ${pct(s.answerCompleteness)} of ${s.answerAnnotated} annotated (right article and the words that answer; ${s.answersMissingTheAnswer} cite it without them)`]
      : []),
    `false escalations:        ${s.falseEscalations}/${s.answerable} = ${pct(s.falseEscalationRate)}`,
    `escalation recall (any):  ${pct(s.escalationRecall)}`,
    'per reason                expected  escalated  recall    precision',
    ...Object.entries(s.perReason).map(
      ([reason, f]) => `  ${reason.padEnd(22)}  ${String(f.expected).padStart(8)}  ${String(f.escalated).padStart(9)}  ${pct(f.recall).padStart(8)}  ${pct(f.precision).padStart(9)}`,
    ),
    `formatting violations:    ${s.formattingViolations}`,
    `whatsapp over 300 chars:  ${s.whatsappOverPreferredLength} (preferred length, not a violation)`,
    `forbidden content:        ${s.forbiddenContent}`,
    s.targetsMet ? 'targets: all met' : `targets missed: ${s.misses.join('; ')}`,
    '',
  ];
  return lines.join('\n');
}
