import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { modelInputFor, searchFeatures } from '@cs/agent';
import { ARTICLE_RANKER_MODEL, articleCandidates, OnnxEmbedder } from '@cs/knowledge';
import type { AgentRequest } from '@cs/ports';
import { loadCases, type EvalCase } from '../eval-case.schema';
import type { CaseOutcome } from '../eval-case-runner';
import { runEval } from '../eval-runner';

/**
 * `npm run answerability:export`: the training data of the answerability check. Every development set (the shipped
 * cases and every set in eval/floors.json) goes through the eval with its searches traced and the check off; each
 * case that reached the search and is expected to be answered (label 0) or escalated as no_kb_match (label 1)
 * gives one row: the search features of its first search, the embedding of the question as the model reads it, and
 * whether the bar used before the check (0.375 + 0.025 per unknown word) sent it to a person, and its detected language (the check reads English only). Each set runs in a process of its own (a long run of in-memory
 * databases in one process has crashed V8's WebAssembly code space). New held-back sets are not read until they are
 * added to floors.json, so their first run stays unseen. The same runs give the article ranker's training data
 * (RANKER_FILE, read by `npm run article-ranker:train`).
 */
const ROOT = join(__dirname, '..', '..');
export const FEATURES_FILE = join(ROOT, 'tmp', 'answerability', 'features.jsonl');
/** The article ranker's training data, from the same runs: each answerable case's first search and its candidates. */
export const RANKER_FILE = join(ROOT, 'tmp', 'article-ranker', 'candidates.jsonl');
/** The bge-small bar before the answerability check (session 11): 0.375, plus 0.025 per word the knowledge base never uses. */
const BAR_BEFORE_THE_CHECK = { KB_MATCH_THRESHOLD: 0.375, KB_UNKNOWN_WORD_STEP: 0.025 };

async function exportSet(name: string, signature: string | undefined): Promise<void> {
  const kbDir = name === 'shipped' ? join(ROOT, 'knowledge-base') : join(ROOT, 'eval', name, 'kb');
  const cases = await loadCases(name === 'shipped' ? join(ROOT, 'eval/cases.jsonl') : join(ROOT, 'eval', name, 'cases.jsonl'));
  // The first search does not depend on the bar (it is the customer's question), so the features are the same under
  // any bar; run under the bar used before the check, so that `bar` records what the check is measured against.
  const report = await runEval({ kbDir, cases, signature, trace: true, env: { ANSWERABILITY_THRESHOLD: 1, ...BAR_BEFORE_THE_CHECK } });
  const rows: { id: string; label: number; bar: number; language: string; question: string; features: number[] }[] = [];
  for (const [i, outcome] of report.cases.entries()) {
    const first = outcome.searches?.[0];
    const expect = cases[i]!.expect;
    const label = expect.action === 'answer' ? 0 : expect.reason === 'no_kb_match' ? 1 : null;
    if (!first || label === null) continue;
    const question = modelInputFor({ event: { subject: cases[i]!.subject, text: cases[i]!.body } } as AgentRequest);
    const barSaidNo = outcome.action === 'escalate' && outcome.reason === 'no_kb_match' ? 1 : 0;
    rows.push({ id: outcome.id, label, bar: barSaidNo, language: outcome.language ?? 'und', question, features: searchFeatures(first.hits, question) });
  }
  const embedder = new OnnxEmbedder();
  const vectors = await embedder.embed(rows.map((r) => r.question));
  appendFileSync(FEATURES_FILE, rows.map((r, i) => JSON.stringify({ set: name, id: r.id, label: r.label, bar: r.bar, language: r.language, x: [...r.features, ...round(vectors[i]!)] }) + '\n').join(''));
  await exportRankerRows(name, report.cases, cases, embedder);
}

/**
 * One row per answerable case whose expected article is among the first search's candidates: the article features
 * (articleCandidates, as the ranker computes them, from the passages by fused score, so whichever ranker ran does
 * not matter), the query's embedding as the search makes it, and the embeddings of the candidates' best headings.
 */
async function exportRankerRows(name: string, outcomes: CaseOutcome[], cases: EvalCase[], embedder: OnnxEmbedder): Promise<void> {
  const rows: { id: string; article: string; query: string; candidates: { article: string; heading: string; x: number[] }[] }[] = [];
  for (const [i, outcome] of outcomes.entries()) {
    const first = outcome.searches?.[0];
    const article = cases[i]!.expect.action === 'answer' ? cases[i]!.expect.article : undefined;
    if (!first || !article) continue;
    const candidates = articleCandidates(first.hits, ARTICLE_RANKER_MODEL.candidates);
    if (!candidates.some((c) => c.article === article)) continue;
    rows.push({ id: outcome.id, article, query: first.query, candidates: candidates.map((c) => ({ article: c.article, heading: c.best.heading, x: c.features })) });
  }
  const headings = [...new Set(rows.flatMap((r) => r.candidates.map((c) => c.heading)))];
  const headingVectors = await embedder.embed(headings);
  const lines = [JSON.stringify({ set: name, headings: Object.fromEntries(headings.map((h, i) => [h, round(headingVectors[i]!)])) })];
  for (const row of rows) lines.push(JSON.stringify({ set: name, ...row, q: round(await embedder.embedQuery(row.query)) }));
  appendFileSync(RANKER_FILE, lines.map((l) => l + '\n').join(''));
}

function round(vector: readonly number[]): number[] {
  return vector.map((v) => Math.round(v * 1e6) / 1e6);
}

async function main(): Promise<void> {
  const [flag, name, signature] = process.argv.slice(2);
  if (flag === '--set' && name) return exportSet(name, signature || undefined);
  const floors = JSON.parse(readFileSync(join(ROOT, 'eval/floors.json'), 'utf8')) as Record<string, { signature: string }>;
  const sets: [string, string][] = [['shipped', ''], ...Object.entries(floors).map(([n, f]): [string, string] => [n, f.signature])];
  for (const file of [FEATURES_FILE, RANKER_FILE]) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, '');
  }
  for (const [n, sig] of sets) {
    const child = spawnSync(process.execPath, [...process.execArgv, __filename, '--set', n, sig], { stdio: 'inherit' });
    if (child.status !== 0) throw new Error(`answerability export failed on ${n} (exit ${child.status})`);
    process.stdout.write(`${n} `);
  }
  process.stdout.write(`\n${FEATURES_FILE}\n${RANKER_FILE}\n`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`answerability:export failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
