/**
 * npm run bench:composer -- [--rounds 20]
 * The offline model's answer composer (runs of consecutive sentences, IDF-weighted question words) on every answerable
 * case of the shipped set and every eval set, each given the chunks of its expected article as the passages.
 * Baseline, same process and inputs: the first passage cut to the channel's length, the least a composer can do.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { composeAnswer } from '@cs/agent';
import type { Channel } from '@cs/contracts';
import { chunkMarkdown } from '@cs/knowledge';
import { mb, summarize } from './bench-stats';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '20' } } });
const rounds = Number(values.rounds);
const ROOT = join(__dirname, '..');

interface Input {
  question: string;
  relevant: Parameters<typeof composeAnswer>[1];
  channel: Channel;
}

function inputsOf(casesFile: string, kbDir: string): Input[] {
  const inputs: Input[] = [];
  for (const line of readFileSync(casesFile, 'utf8').split('\n').filter((l) => l.trim())) {
    const c = JSON.parse(line) as { channel: Channel; subject?: string; body: string; expect: { action: string; article?: string } };
    if (c.expect.action !== 'answer' || !c.expect.article) continue;
    const file = join(kbDir, `${c.expect.article}.md`);
    if (!existsSync(file)) continue;
    const chunks = chunkMarkdown(c.expect.article, readFileSync(file, 'utf8'));
    const relevant = chunks.map((ch, i) => ({ chunkId: `${c.expect.article}-${i}`, article: ch.source, heading: ch.heading, score: 0.6 - 0.05 * i, relevant: true, text: ch.content }));
    inputs.push({ question: [c.subject, c.body].filter(Boolean).join('. '), relevant, channel: c.channel });
  }
  return inputs;
}

const inputs = [
  ...inputsOf(join(ROOT, 'eval', 'cases.jsonl'), join(ROOT, 'knowledge-base')),
  ...readdirSync(join(ROOT, 'eval'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(ROOT, 'eval', d.name, 'kb')) && existsSync(join(ROOT, 'eval', d.name, 'cases.jsonl')))
    .flatMap((d) => inputsOf(join(ROOT, 'eval', d.name, 'cases.jsonl'), join(ROOT, 'eval', d.name, 'kb'))),
];

const BASELINE_LENGTH: Record<Channel, number> = { whatsapp: 230, web_form: 900, email: 1200 };
function baseline(input: Input): string {
  return input.relevant[0]!.text.slice(0, BASELINE_LENGTH[input.channel]);
}

function measure(name: string, run: (input: Input) => unknown): ReturnType<typeof summarize> & { perSecond: number } {
  for (const input of inputs) run(input); // warm-up
  const heapBefore = process.memoryUsage().heapUsed;
  const times: number[] = [];
  const started = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (const input of inputs) {
      const t = performance.now();
      run(input);
      times.push((performance.now() - t) * 1000);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const s = summarize(times);
  const perSecond = times.length / seconds;
  process.stdout.write(
    `${name.padEnd(10)} ${s.n} calls  ${Math.round(perSecond)}/s  mean ${s.mean.toFixed(1)} µs  p50 ${s.p50.toFixed(1)}  p95 ${s.p95.toFixed(1)}  p99 ${s.p99.toFixed(1)} µs  heap +${mb(process.memoryUsage().heapUsed - heapBefore)}\n`,
  );
  return { ...s, perSecond };
}

process.stdout.write(`${inputs.length} answerable cases × ${rounds} rounds, rss ${mb(process.memoryUsage().rss)}\n`);
const base = measure('baseline', baseline);
const composer = measure('composer', (input) => composeAnswer(input.question, input.relevant, input.channel));
process.stdout.write(`composer / baseline: mean ${(composer.mean / base.mean).toFixed(1)}×, p99 ${(composer.p99 / base.p99).toFixed(1)}×\n`);
