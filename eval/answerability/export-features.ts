import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { modelInputFor, searchFeatures } from '@cs/agent';
import { OnnxEmbedder } from '@cs/knowledge';
import type { AgentRequest } from '@cs/ports';
import { loadCases } from '../eval-case.schema';
import { runEval } from '../eval-runner';

/**
 * `npm run answerability:export`: the training data of the answerability check. Every development set (the shipped
 * cases and every set in eval/floors.json) goes through the eval with its searches traced and the check off; each
 * case that reached the search and is expected to be answered (label 0) or escalated as no_kb_match (label 1)
 * gives one row: the search features of its first search, the embedding of the question as the model reads it, and
 * whether the bar used before the check (0.375 + 0.025 per unknown word) sent it to a person, and its detected language (the check reads English only). Each set runs in a process of its own (a long run of in-memory
 * databases in one process has crashed V8's WebAssembly code space). New held-back sets are not read until they are
 * added to floors.json, so their first run stays unseen.
 */
const ROOT = join(__dirname, '..', '..');
export const FEATURES_FILE = join(ROOT, 'tmp', 'answerability', 'features.jsonl');
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
  const vectors = await new OnnxEmbedder().embed(rows.map((r) => r.question));
  appendFileSync(FEATURES_FILE, rows.map((r, i) => JSON.stringify({ set: name, id: r.id, label: r.label, bar: r.bar, language: r.language, x: [...r.features, ...vectors[i]!.map((v) => Math.round(v * 1e6) / 1e6)] }) + '\n').join(''));
}

async function main(): Promise<void> {
  const [flag, name, signature] = process.argv.slice(2);
  if (flag === '--set' && name) return exportSet(name, signature || undefined);
  const floors = JSON.parse(readFileSync(join(ROOT, 'eval/floors.json'), 'utf8')) as Record<string, { signature: string }>;
  const sets: [string, string][] = [['shipped', ''], ...Object.entries(floors).map(([n, f]): [string, string] => [n, f.signature])];
  mkdirSync(dirname(FEATURES_FILE), { recursive: true });
  writeFileSync(FEATURES_FILE, '');
  for (const [n, sig] of sets) {
    const child = spawnSync(process.execPath, [...process.execArgv, __filename, '--set', n, sig], { stdio: 'inherit' });
    if (child.status !== 0) throw new Error(`answerability export failed on ${n} (exit ${child.status})`);
    process.stdout.write(`${n} `);
  }
  process.stdout.write(`\n${FEATURES_FILE}\n`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`answerability:export failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
