import { CHANNELS } from '@cs/contracts';
import type { Queryable } from '@cs/ports';
import { collectFigures, emptyFigures, mergeFigures, REPLY_ATTRIBUTION_SLACK_MS, UNKNOWN_CHANNEL, type RawFigures, type TimeWindow } from './ops-figures';

/** Bumped when what a rollup holds changes: older rows are recomputed on their next read. */
export const ROLLUP_VERSION = 1;
export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
/** A day is final once its replies can no longer arrive (the attribution slack) plus a margin for stragglers. */
const FINAL_AFTER_MS = REPLY_ATTRIBUTION_SLACK_MS + 3_600_000;

const ROLLUP_KEYS = [...CHANNELS, UNKNOWN_CHANNEL];

export type FiguresByChannel = Map<string, RawFigures>;

export interface RollupOptions {
  /** "Now" for deciding which days are final (tests pin it). */
  now?: Date;
  /** Whole hours of the partial days at a window's edges come from here instead of a scan of those days. */
  hourly?: HourlyFigures;
}

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
 * yet); the partial or recent days at its edges by the hour from `hourly` when given (ops-api keeps one warm), else
 * straight from the pipeline tables; what is left (under an hour at each end) from the tables. A 31-day window reads
 * ~30 rollup rows per channel, ~47 cached hours and two scans of at most an hour, whatever the table sizes.
 */
export async function figuresForWindow(db: Queryable, window: TimeWindow, options: RollupOptions = {}): Promise<FiguresByChannel> {
  const now = options.now ?? new Date();
  const days = finalDaysWithin(window, now);
  const edges: TimeWindow[] = [];
  if (days.length === 0) edges.push(window);
  else {
    if (window.from.getTime() < days[0]!) edges.push({ from: window.from, to: new Date(days[0]!) });
    const afterDays = days.at(-1)! + DAY_MS;
    if (afterDays < window.to.getTime()) edges.push({ from: new Date(afterDays), to: window.to });
  }
  const parts: Array<Promise<FiguresByChannel | FiguresByChannel[]>> = [dailyRollups(db, days).then((byDay) => [...byDay.values()])];
  for (const edge of edges) {
    if (!options.hourly) {
      parts.push(collectFigures(db, edge));
      continue;
    }
    const { hours, rest } = wholeHoursWithin(edge, now);
    parts.push(options.hourly.get(db, hours, now), ...rest.map((r) => collectFigures(db, r)));
  }
  const total = new Map<string, RawFigures>();
  for (const part of await Promise.all(parts)) for (const figures of Array.isArray(part) ? part : [part]) mergeInto(total, figures);
  return total;
}

/** The whole UTC hours (their starts) inside the window that have ended by `now`, and the pieces around them. */
export function wholeHoursWithin(window: TimeWindow, now: Date): { hours: number[]; rest: TimeWindow[] } {
  const first = Math.ceil(window.from.getTime() / HOUR_MS) * HOUR_MS;
  const end = Math.min(Math.floor(window.to.getTime() / HOUR_MS) * HOUR_MS, Math.floor(now.getTime() / HOUR_MS) * HOUR_MS);
  if (end <= first) return { hours: [], rest: [window] };
  const hours: number[] = [];
  for (let hour = first; hour < end; hour += HOUR_MS) hours.push(hour);
  const rest: TimeWindow[] = [];
  if (window.from.getTime() < first) rest.push({ from: window.from, to: new Date(first) });
  if (end < window.to.getTime()) rest.push({ from: new Date(end), to: window.to });
  return { hours, rest };
}

/**
 * Per-hour figures, kept in memory by ops-api (a few MB for a month) and the last 50 hours refreshed on its interval. An hour is reused
 * while it is final (its replies' attribution slack has passed) or was computed within `freshMs`; otherwise it is
 * read again (one hour's rows: a few milliseconds). Per process, so replicas need no coordination.
 */
export class HourlyFigures {
  private readonly hours = new Map<number, { figures: FiguresByChannel; computedAt: number }>();
  private readonly pending = new Map<number, Promise<FiguresByChannel>>();
  private readonly freshMs: number;
  private readonly keepMs: number;

  /** Keeps a month and a day by default: the first hours of a 31-day window's first day are read from here too. */
  constructor(options: { freshMs?: number; keepHours?: number } = {}) {
    this.freshMs = options.freshMs ?? 60_000;
    this.keepMs = (options.keepHours ?? 32 * 24) * HOUR_MS;
  }

  async get(db: Queryable, starts: number[], now: Date): Promise<FiguresByChannel[]> {
    const results: FiguresByChannel[] = [];
    // A few at a time: a cold cache must not open dozens of scans at once.
    for (let i = 0; i < starts.length; i += 4) results.push(...(await Promise.all(starts.slice(i, i + 4).map((start) => this.one(db, start, now)))));
    return results;
  }

  /** Recomputes the recent hours that went stale and drops old ones; returns how many it read. */
  async refresh(db: Queryable, now: Date, hours = 50): Promise<number> {
    const last = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
    const starts = Array.from({ length: hours }, (_, i) => last - (hours - i) * HOUR_MS);
    const stale = starts.filter((start) => !this.usable(start, now));
    await this.get(db, stale, now);
    for (const start of this.hours.keys()) if (start < now.getTime() - this.keepMs) this.hours.delete(start);
    return stale.length;
  }

  private usable(start: number, now: Date): boolean {
    const cached = this.hours.get(start);
    if (!cached) return false;
    return cached.computedAt >= start + HOUR_MS + FINAL_AFTER_MS || cached.computedAt >= now.getTime() - this.freshMs;
  }

  private one(db: Queryable, start: number, now: Date): Promise<FiguresByChannel> {
    if (this.usable(start, now)) return Promise.resolve(this.hours.get(start)!.figures);
    let computing = this.pending.get(start);
    if (!computing) {
      computing = collectFigures(db, { from: new Date(start), to: new Date(start + HOUR_MS) })
        .then((figures) => {
          this.hours.set(start, { figures, computedAt: now.getTime() });
          return figures;
        })
        .finally(() => this.pending.delete(start));
      this.pending.set(start, computing);
    }
    return computing;
  }
}

/** One entry per UTC day overlapping the window (clipped to it), for daily charts. */
export async function figuresByDay(db: Queryable, window: TimeWindow, options: RollupOptions = {}): Promise<Array<{ day: string; figures: FiguresByChannel }>> {
  const now = options.now ?? new Date();
  const final = new Set(finalDaysWithin(window, now));
  const rolled = await dailyRollups(db, [...final]);
  const result: Array<Promise<{ day: string; figures: FiguresByChannel }>> = [];
  for (let day = startOfDay(window.from.getTime()); day < window.to.getTime(); day += DAY_MS) {
    const clipped = { from: new Date(Math.max(day, window.from.getTime())), to: new Date(Math.min(day + DAY_MS, window.to.getTime())) };
    const key = dayKey(day);
    result.push(final.has(day) ? Promise.resolve({ day: key, figures: rolled.get(key)! }) : figuresForWindow(db, clipped, options).then((figures) => ({ day: key, figures })));
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
