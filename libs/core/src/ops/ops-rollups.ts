import type { Queryable } from '@cs/ports';
import { collectFigures, emptyFigures, mergeFigures, REPLY_ATTRIBUTION_SLACK_MS, UNKNOWN_CHANNEL, type RawFigures, type TimeWindow } from './ops-figures';
import { CHANNELS } from '@cs/contracts';

/** Bumped when what a rollup holds changes: older rows are recomputed on their next read. */
export const ROLLUP_VERSION = 1;
export const DAY_MS = 86_400_000;
/** A day is final once its replies can no longer arrive (the attribution slack) plus a margin for stragglers. */
const FINAL_AFTER_MS = REPLY_ATTRIBUTION_SLACK_MS + 3_600_000;

const ROLLUP_KEYS = [...CHANNELS, UNKNOWN_CHANNEL];

export type FiguresByChannel = Map<string, RawFigures>;

const startOfDay = (t: number) => Math.floor(t / DAY_MS) * DAY_MS;
const dayKey = (t: number) => new Date(t).toISOString().slice(0, 10);

/** UTC days (as their start, ms) that lie wholly inside the window and are final at `now`. */
export function finalDaysWithin(window: TimeWindow, now: Date): number[] {
  const first = Math.ceil(window.from.getTime() / DAY_MS) * DAY_MS;
  const end = Math.min(startOfDay(window.to.getTime()), startOfDay(now.getTime() - FINAL_AFTER_MS));
  const days: number[] = [];
  for (let day = first; day + DAY_MS <= end; day += DAY_MS) days.push(day);
  return days;
}

/**
 * The window's figures: its final whole days from ops_daily_rollups (computing and storing the days not rolled up
 * yet), the partial or recent edges straight from the pipeline tables. A 31-day window reads ~30 rollup rows per
 * channel plus at most two days of raw rows, whatever the table sizes.
 */
export async function figuresForWindow(db: Queryable, window: TimeWindow, now = new Date()): Promise<FiguresByChannel> {
  const days = finalDaysWithin(window, now);
  if (days.length === 0) return collectFigures(db, window);
  const edges: TimeWindow[] = [];
  if (window.from.getTime() < days[0]!) edges.push({ from: window.from, to: new Date(days[0]!) });
  const afterDays = days.at(-1)! + DAY_MS;
  if (afterDays < window.to.getTime()) edges.push({ from: new Date(afterDays), to: window.to });
  const [rolled, ...raw] = await Promise.all([dailyRollups(db, days), ...edges.map((e) => collectFigures(db, e))]);
  const total = new Map<string, RawFigures>();
  for (const part of [...rolled.values(), ...raw]) mergeInto(total, part);
  return total;
}

/** One entry per UTC day overlapping the window (clipped to it), for daily charts. */
export async function figuresByDay(db: Queryable, window: TimeWindow, now = new Date()): Promise<Array<{ day: string; figures: FiguresByChannel }>> {
  const final = new Set(finalDaysWithin(window, now));
  const rolled = await dailyRollups(db, [...final]);
  const result: Array<Promise<{ day: string; figures: FiguresByChannel }>> = [];
  for (let day = startOfDay(window.from.getTime()); day < window.to.getTime(); day += DAY_MS) {
    const clipped = { from: new Date(Math.max(day, window.from.getTime())), to: new Date(Math.min(day + DAY_MS, window.to.getTime())) };
    const key = dayKey(day);
    result.push(final.has(day) ? Promise.resolve({ day: key, figures: rolled.get(key)! }) : collectFigures(db, clipped).then((figures) => ({ day: key, figures })));
  }
  return Promise.all(result);
}

/** Rolls up the final days in the window that are missing (ops-api does this at start and on its refresh interval). */
export async function refreshRollups(db: Queryable, window: TimeWindow, now = new Date()): Promise<number> {
  const days = finalDaysWithin(window, now);
  const before = await storedDays(db, days.map(dayKey));
  await dailyRollups(db, days);
  return days.length - before.size;
}

async function storedDays(db: Queryable, days: string[]): Promise<Set<string>> {
  const { rows } = await db.query<{ day: string }>('SELECT DISTINCT day::text AS day FROM ops_daily_rollups WHERE day = ANY($1::date[]) AND version = $2', [days, ROLLUP_VERSION]);
  return new Set(rows.map((r) => r.day));
}

async function dailyRollups(db: Queryable, days: number[]): Promise<Map<string, FiguresByChannel>> {
  const keys = days.map(dayKey);
  const byDay = new Map<string, FiguresByChannel>();
  if (keys.length === 0) return byDay;
  const { rows } = await db.query<{ day: string; channel: string; figures: RawFigures }>(
    'SELECT day::text AS day, channel, figures FROM ops_daily_rollups WHERE day = ANY($1::date[]) AND version = $2',
    [keys, ROLLUP_VERSION],
  );
  for (const r of rows) {
    const day = byDay.get(r.day) ?? new Map<string, RawFigures>();
    day.set(r.channel, r.figures);
    byDay.set(r.day, day);
  }
  // Missing days one at a time: a first 31-day request (or a backfill) must not flood the database.
  for (const day of days) {
    const key = dayKey(day);
    if (byDay.has(key)) continue;
    const figures = await collectFigures(db, { from: new Date(day), to: new Date(day + DAY_MS) });
    for (const channel of ROLLUP_KEYS) if (!figures.has(channel)) figures.set(channel, emptyFigures());
    await db.query(
      `INSERT INTO ops_daily_rollups (day, channel, version, figures, computed_at)
       SELECT $1::date, f.key, $2, f.value, now() FROM jsonb_each($3::jsonb) AS f
       ON CONFLICT (day, channel) DO UPDATE SET version = EXCLUDED.version, figures = EXCLUDED.figures, computed_at = EXCLUDED.computed_at`,
      [key, ROLLUP_VERSION, JSON.stringify(Object.fromEntries(figures))],
    );
    byDay.set(key, figures);
  }
  return byDay;
}

function mergeInto(total: FiguresByChannel, part: FiguresByChannel): void {
  for (const [channel, figures] of part) {
    let into = total.get(channel);
    if (!into) total.set(channel, (into = emptyFigures()));
    mergeFigures(into, figures);
  }
}
