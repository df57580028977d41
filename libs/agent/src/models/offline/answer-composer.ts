import type { Channel } from '@cs/contracts';
import { contentTokens, splitSentences } from '@cs/domain';
import type { SearchResultView } from './model-input';

/** Roughly how much of a passage each channel gets; WhatsApp leaves room for greeting and framing under 300 characters. */
const BUDGET: Record<Channel, { chars: number }> = { whatsapp: { chars: 200 }, web_form: { chars: 650 }, email: { chars: 900 } };

interface Unit {
  text: string;
  order: number;
  score: number;
  listItem: boolean;
  passage: number;
}

/** Sentences and list items of a passage, each scored by the question words it shares. */
function units(passage: string, question: Set<string>, index: number): Unit[] {
  const lines = passage.split('\n').filter((l) => l.trim());
  const pieces = lines.flatMap((line) => (/^\s*([-*]|\d+\.)\s+/.test(line) ? [{ text: line.trim(), listItem: true }] : splitSentences(line).map((text) => ({ text, listItem: false }))));
  return pieces.map((p, order) => {
    const tokens = new Set(contentTokens(p.text));
    const shared = [...tokens].filter((t) => question.has(t)).length;
    // The first sentence of a section usually says what the section is about.
    return { ...p, order: index * 1000 + order, passage: index, score: shared + (order === 0 ? 0.5 : 0) };
  });
}

function sectionName(heading: string): string {
  return heading.split(' › ').pop()!.trim();
}

/**
 * The offline model's answer: the best passage's most relevant sentences, verbatim and in their original order,
 * introduced by one framing line that names the article. Nothing is added that the passage does not say.
 */
export function composeAnswer(question: string, relevant: SearchResultView[], channel: Channel): { text: string; citedChunkIds: string[] } {
  const top = relevant[0]!;
  // A close runner-up from the same article often holds the steps ("What is a returned card" vs "Restore ...").
  const passages = [top, ...relevant.slice(1).filter((r) => r.article === top.article && r.chunkId !== top.chunkId && r.score >= top.score - 0.15).slice(0, 1)];
  const questionTokens = new Set(contentTokens(question));
  const budget = BUDGET[channel].chars;
  const ranked = passages.flatMap((p, i) => units(p.text, questionTokens, i)).sort((a, b) => b.score - a.score || a.order - b.order);
  const chosen: Unit[] = [];
  let length = 0;
  for (const unit of ranked) {
    if (chosen.length > 0 && (length + unit.text.length > budget || unit.score === 0)) continue;
    chosen.push(unit);
    length += unit.text.length + 1;
  }
  chosen.sort((a, b) => a.order - b.order);
  const body = chosen.map((u, i) => (u.listItem || (i > 0 && chosen[i - 1]!.listItem) ? `\n${u.text}` : u.text)).join(' ').replace(/^\n/, '').trim();
  const used = passages.filter((_p, i) => chosen.some((u) => u.passage === i));
  const title = sectionName((used[0] ?? top).heading);
  const text =
    channel === 'whatsapp'
      ? `From our help article "${title}":\n${body}`
      : `Here is what our help article "${title}" says:\n\n${body}\n\nLet us know if anything is unclear.`;
  return { text, citedChunkIds: used.map((p) => p.chunkId) };
}
