-- Daily rollups behind the ops metrics (libs/core/src/ops/ops-rollups.ts): one row per UTC day and channel with the
-- day's additive figures (counts, sums) and latency sketches (mergeable histograms), so a 31-day window reads ~30
-- rows per channel instead of sorting a month of messages. Written by ops-api for days that can no longer change;
-- a row of an older `version` is recomputed on its next read. Derived data: safe to TRUNCATE at any time.
CREATE TABLE ops_daily_rollups (
  day date NOT NULL,
  -- A channel, or 'unknown' for dead letters whose event id names none.
  channel text NOT NULL,
  version integer NOT NULL,
  figures jsonb NOT NULL,
  computed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (day, channel)
);
