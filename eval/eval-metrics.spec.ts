import type { CaseOutcome } from './eval-case-runner';
import { missingPhrases, normalizeForMatch } from './eval-case-runner';
import { summarize } from './eval-metrics';

function outcome(over: Partial<CaseOutcome> & Pick<CaseOutcome, 'id' | 'expect'>): CaseOutcome {
  return {
    channel: 'web_form', action: 'answer', reason: null, evidence: null, citedArticles: [], reply: '', bestKbScore: 0.6, sentiment: 0.5,
    language: 'en', toolCalls: [], turns: 2, formatViolations: [], forbiddenFound: [], answerMissing: [], whatsappLong: false, ...over,
  };
}

describe('answer phrases', () => {
  it('matches as a reader reads: no emphasis or code marks, any quotes and dashes, any case and spacing', () => {
    expect(normalizeForMatch('Open **Settings > Team**  and pick `Owner` – it’s “final”')).toBe('open settings > team and pick owner - it\'s "final"');
    expect(missingPhrases('Go to **Reports > Keg aging**.\nIt lists every account.', ['Reports > Keg aging', 'lists every  account'])).toEqual([]);
  });

  it('reports each phrase the reply leaves out', () => {
    expect(missingPhrases('Restore it from the trash.', ['within 60 days', 'from the Trash'])).toEqual(['within 60 days']);
  });
});

describe('summarize: complete answers', () => {
  it('counts a case complete only when it cites the right article and holds every phrase', () => {
    const s = summarize([
      outcome({ id: 'complete', expect: { action: 'answer', article: 'kegs', answerContains: ['Receive returns'] }, citedArticles: ['kegs'] }),
      outcome({ id: 'cites-without', expect: { action: 'answer', article: 'kegs', answerContains: ['Mark as lost'] }, citedArticles: ['kegs'], answerMissing: ['Mark as lost'] }),
      outcome({ id: 'wrong-article', expect: { action: 'answer', article: 'kegs', answerContains: ['Overdue'] }, citedArticles: ['roles'] }),
      outcome({ id: 'not-annotated', expect: { action: 'answer', article: 'roles' }, citedArticles: ['roles'] }),
      outcome({ id: 'escalation', expect: { action: 'escalate', reason: 'pricing' }, action: 'escalate', reason: 'pricing' }),
    ]);
    expect(s.answerAnnotated).toBe(3);
    expect(s.answerCompleteness).toBeCloseTo(1 / 3, 3);
    expect(s.answersMissingTheAnswer).toBe(1);
    expect(s.answerAccuracy).toBeCloseTo(0.75, 3);
  });

  it('has no completeness figure when no case is annotated', () => {
    const s = summarize([outcome({ id: 'a', expect: { action: 'answer', article: 'kegs' }, citedArticles: ['kegs'] })]);
    expect(s.answerAnnotated).toBe(0);
    expect(s.answerCompleteness).toBeNull();
  });
});
