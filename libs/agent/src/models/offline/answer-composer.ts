import type { Channel } from '@cs/contracts';
import { contentTokens } from '@cs/domain';
import type { SearchResultView } from './model-input';

/**
 * How much passage text each channel gets: email (≤ 500 words) and web (≤ 300 words) about 200 and 150 words, room
 * for a whole section; WhatsApp what is left of its preferred 300 characters after the greeting and the framing line.
 */
const BUDGET: Record<Channel, number> = { whatsapp: 300, web_form: 900, email: 1200 };
/** "Hi Marco! ", added by the channel formatter. */
const GREETING_ALLOWANCE = 12;
/** What each sentence of a stretch adds besides the question words it brings: a longer stretch reads as the article does. */
const CONTINUITY = 0.1;
/** A second passage (same article) joins only with a stretch worth this share of the first one's question words. */
const SECOND_PASSAGE_SHARE = 0.3;

interface Unit {
  text: string;
  passage: number;
  tokens: Set<string>;
}

interface Stretch {
  units: Unit[];
  length: number;
  /** IDF weight of the question words the stretch contains, each counted once. */
  words: number;
  score: number;
}

/**
 * Sentences of help-center prose. A sentence ends at . ! or ? followed by a space and a capital, a digit, markup or a
 * quote; "use **... > Archive** instead" and "e.g. for a client" stay whole.
 */
export function passageSentences(line: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const end of line.matchAll(/([.!?]+)["'”’)\]]*\s+(?=[\p{Lu}\p{N}*_`"'“‘([])/gu)) {
    const before = line.slice(start, end.index);
    if (end[1] === '...' || /\b(?:e\.g|i\.e|etc|vs|approx|Dr|Mr|Mrs|Ms|No)$/i.test(before)) continue;
    sentences.push(line.slice(start, end.index + end[0].length));
    start = end.index + end[0].length;
  }
  sentences.push(line.slice(start));
  return sentences.map((s) => s.trim()).filter((s) => /[\p{L}\p{N}]/u.test(s));
}

const LIST_ITEM = /^\s*([-*+]|\d+[.)])\s+/;
const TABLE_ROW = /^\s*\|.*\|\s*$/;
const TABLE_RULE = /^\s*\|?(\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*$/;
/** A row as the reply shows it: its cells, verbatim, without the outer pipes ("6 | Late Fee | Late fee of $20 …"). */
const ROW_CELLS = / \| /;

/** A passage as sentences, list items and table rows (the rule under a table's header dropped), in order. */
function units(passage: string, index: number): Unit[] {
  return passage
    .split('\n')
    .filter((line) => line.trim() && !TABLE_RULE.test(line))
    .flatMap((line) => (TABLE_ROW.test(line) ? [tableRow(line)] : LIST_ITEM.test(line) ? [line.trim()] : passageSentences(line)))
    .map((text) => ({ text, passage: index, tokens: new Set(contentTokens(text)) }));
}

function tableRow(line: string): string {
  return line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((cell) => cell.trim()).join(' | ');
}

/** List items and table rows keep their own lines. */
function ownLine(unit: Unit): boolean {
  return LIST_ITEM.test(unit.text) || ROW_CELLS.test(unit.text);
}

/** A question word weighs by how few of the candidate sentences use it: "send all" over "report card" in a report-card article. */
function questionWeights(all: Unit[], question: Set<string>): Map<string, number> {
  const df = new Map<string, number>();
  for (const u of all) for (const t of u.tokens) if (question.has(t)) df.set(t, (df.get(t) ?? 0) + 1);
  return new Map([...df].map(([t, n]) => [t, Math.log(1 + all.length / n)]));
}

/** The best run of consecutive sentences of one passage that fits in `room` characters (or one sentence, if `oneMayOverrun`). */
function bestStretch(passage: Unit[], weights: Map<string, number>, room: number, oneMayOverrun = false): Stretch | null {
  let best: Stretch | null = null;
  for (let a = 0; a < passage.length; a++) {
    const seen = new Set<string>();
    let length = 0;
    let words = 0;
    for (let b = a; b < passage.length; b++) {
      length += passage[b]!.text.length + 1;
      if (length > room && !(oneMayOverrun && b === a)) break;
      for (const t of passage[b]!.tokens) {
        if (!weights.has(t) || seen.has(t)) continue;
        seen.add(t);
        words += weights.get(t)!;
      }
      const score = words + CONTINUITY * (b - a + 1);
      if (!best || score > best.score) best = { units: passage.slice(a, b + 1), length, words, score };
    }
  }
  return best;
}

function sectionName(heading: string): string {
  return heading.split(' › ').pop()!.trim();
}

/**
 * The offline model's answer: the run of consecutive sentences of the best passage that holds the most of the
 * question's words within the channel's length (rare words count more), verbatim, with a run from a close passage of
 * the same article when room is left; introduced by one framing line that names the article. Nothing is added that
 * the passages do not say, and sentences stay in the article's order, so "They move to … and stay there for 60 days"
 * keeps the sentence it continues.
 */
export function composeAnswer(question: string, relevant: SearchResultView[], channel: Channel): { text: string; citedChunkIds: string[] } {
  const top = relevant[0]!;
  // A close runner-up from the same article often holds the steps ("What is a returned card" vs "Restore ...").
  const passages = [top, ...relevant.slice(1).filter((r) => r.article === top.article && r.chunkId !== top.chunkId && r.score >= top.score - 0.15).slice(0, 1)];
  const byPassage = passages.map((p, i) => units(p.text, i));
  const weights = questionWeights(byPassage.flat(), new Set(contentTokens(question)));
  const longestTitle = passages.map((p) => sectionName(p.heading)).sort((a, b) => b.length - a.length)[0]!;
  const budget = channel === 'whatsapp' ? Math.max(120, BUDGET.whatsapp - GREETING_ALLOWANCE - framing(channel, longestTitle).length) : BUDGET[channel];
  // A sentence longer than the budget is sent whole rather than cut.
  const first = byPassage
    .map((us) => bestStretch(us, weights, budget, true))
    .filter((s): s is Stretch => s !== null)
    .sort((a, b) => b.score - a.score)[0]!;
  const chosen = [first];
  const otherIndex = byPassage.findIndex((_us, i) => i !== first.units[0]!.passage);
  const second = otherIndex >= 0 ? bestStretch(byPassage[otherIndex]!, weights, budget - first.length) : null;
  if (second && second.words > 0 && second.words >= SECOND_PASSAGE_SHARE * first.words) chosen.push(second);
  chosen.sort((a, b) => a.units[0]!.passage - b.units[0]!.passage);
  const body = chosen.map((s) => joinUnits(s.units)).join('\n\n');
  const used = chosen.map((s) => passages[s.units[0]!.passage]!);
  const title = sectionName(used[0]!.heading);
  const text = channel === 'whatsapp' ? `${framing(channel, title)}${body}` : `${framing(channel, title)}${body}\n\nLet us know if anything is unclear.`;
  return { text, citedChunkIds: used.map((p) => p.chunkId) };
}

function framing(channel: Channel, title: string): string {
  return channel === 'whatsapp' ? `From our help article "${title}":\n` : `Here is what our help article "${title}" says:\n\n`;
}

/** Sentences of one line join with spaces; list items and table rows keep their own lines. */
function joinUnits(list: Unit[]): string {
  return list
    .map((u, i) => (ownLine(u) || (i > 0 && ownLine(list[i - 1]!)) ? `\n${u.text}` : u.text))
    .join(' ')
    .replace(/ \n/g, '\n')
    .trim();
}
