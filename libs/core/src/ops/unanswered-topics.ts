import { contentTokens, redactSensitiveText } from '@cs/domain';

export interface UnansweredQuestion {
  subject?: string | null;
  body: string;
}

export interface UnansweredTopic {
  /** The topic's keywords, e.g. "export pdf". */
  topic: string;
  count: number;
  /** A few of the questions, shortened, with contact details and secrets masked. */
  examples: string[];
}

// Words every support message uses: they say nothing about what the knowledge base is missing.
const GENERIC = new Set(
  ('help problem issue issu question need try want get use work know tri still like just one time thing way anyone someone something ' +
    'support customer ticket message email mail day today yesterday now again already told ask said see make go got able unable').split(' '),
);

const EMAIL = /[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]+/g;
const PHONE = /\+?\d[\d\s().-]{6,}\d/g;

/** Keywords of one question in order of appearance: stemmed content words, generic words and numbers dropped, each once. */
export function topicKeywords(question: UnansweredQuestion): string[] {
  const text = `${question.subject ?? ''} ${question.body.slice(0, 600)}`;
  return [...new Set(contentTokens(text).filter((t) => t.length > 2 && !/^\d+$/.test(t) && !GENERIC.has(t)))];
}

/**
 * Groups the questions the knowledge base could not answer (no_kb_match) by their two most shared keywords: a word
 * many of the day's questions use names the theme ("export"), the second the detail ("pdf"), so "How do I export to
 * PDF?" and "PDF export is broken" land together. Largest groups first.
 */
export function groupUnansweredTopics(questions: UnansweredQuestion[], options: { maxTopics?: number; examples?: number } = {}): UnansweredTopic[] {
  const keywords = questions.map(topicKeywords);
  const frequency = new Map<string, number>();
  for (const words of keywords) for (const w of words) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  const groups = new Map<string, UnansweredTopic>();
  questions.forEach((question, i) => {
    // Ties go to the word said first: the subject, then the opening words, usually name the topic.
    const words = keywords[i]!;
    const key = [...words]
      .sort((a, b) => (frequency.get(b) ?? 0) - (frequency.get(a) ?? 0) || words.indexOf(a) - words.indexOf(b))
      .slice(0, 2)
      .sort()
      .join(' ') || '(no keywords)';
    const group = groups.get(key) ?? { topic: key, count: 0, examples: [] };
    group.count += 1;
    if (group.examples.length < (options.examples ?? 3)) group.examples.push(snippet(question));
    groups.set(key, group);
  });
  return [...groups.values()].sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic)).slice(0, options.maxTopics ?? 10);
}

function snippet(question: UnansweredQuestion): string {
  const text = (question.subject ? `${question.subject}: ${question.body}` : question.body).replace(/\s+/g, ' ').trim();
  const masked = redactSensitiveText(text.replace(EMAIL, '[email]').replace(PHONE, '[phone]'));
  return masked.length > 140 ? `${masked.slice(0, 139)}…` : masked;
}
