import { gauge, type Registry } from '@cs/observability';
import type { Queryable } from '@cs/ports';
import { getChannelMetrics } from './channel-metrics.query';
import { ALERT_NAMES, evaluateAlerts, type AlertState, type AlertThresholds } from './ops-alerts';
import type { HourlyFigures } from './ops-rollups';
import { getPipelineBacklog } from './pipeline-backlog.query';

export interface OpsGaugesOptions {
  db: Queryable;
  registry: Registry;
  thresholds: AlertThresholds;
  /** Trailing window the alerts are evaluated over. */
  windowMs: number;
  hourly?: HourlyFigures;
}

/**
 * The alert evaluation and pipeline backlog as Prometheus gauges. They describe the whole deployment (they come from
 * the database), so only ops-api exports them: every replica of every service doing so would count them N times.
 * ops-api refreshes them on an interval rather than per scrape, so scrapes stay cheap and slow queries cannot pile up.
 */
export class OpsGauges {
  private readonly firing;
  private readonly value;
  private readonly threshold;
  private readonly outboxBacklog;
  private readonly outboxAge;
  private readonly deadLetters;
  private readonly lastRefresh;

  constructor(private readonly options: OpsGaugesOptions) {
    const { registry } = options;
    this.firing = gauge(registry, 'ops_alert_firing', '1 while the alert fires over the trailing window, else 0', ['alert', 'scope']);
    this.value = gauge(registry, 'ops_alert_value', 'The measured value each alert compares (ms, ratio, count)', ['alert', 'scope']);
    this.threshold = gauge(registry, 'ops_alert_threshold', 'Configured alert thresholds', ['alert']);
    this.outboxBacklog = gauge(registry, 'ops_outbox_backlog', 'Outbox rows not yet published to the bus');
    this.outboxAge = gauge(registry, 'ops_outbox_oldest_age_seconds', 'Age of the oldest unpublished outbox row');
    this.deadLetters = gauge(registry, 'ops_dead_letters_pending', 'Dead letters not replayed yet');
    this.lastRefresh = gauge(registry, 'ops_gauges_last_refresh_timestamp_seconds', 'When the ops gauges were last refreshed');
    const { firstResponseP95Ms, escalationRate, deadLetterGrowth } = options.thresholds;
    const values: Record<(typeof ALERT_NAMES)[number], number> = { first_response_p95: firstResponseP95Ms, escalation_rate: escalationRate, dlq_growth: deadLetterGrowth };
    for (const alert of ALERT_NAMES) this.threshold.set({ alert }, values[alert]);
  }

  /** Evaluates once and returns the alert states it exported. */
  async refresh(): Promise<AlertState[]> {
    const to = new Date();
    const [report, backlog] = await Promise.all([
      getChannelMetrics(this.options.db, { from: new Date(to.getTime() - this.options.windowMs), to }, { now: to, hourly: this.options.hourly }),
      getPipelineBacklog(this.options.db),
    ]);
    const alerts = evaluateAlerts(report, this.options.thresholds);
    for (const a of alerts) {
      this.firing.set({ alert: a.alert, scope: a.scope }, a.firing ? 1 : 0);
      // No value (nothing measured) is exported as absent rather than as a misleading 0.
      if (a.value === null) this.value.remove({ alert: a.alert, scope: a.scope });
      else this.value.set({ alert: a.alert, scope: a.scope }, a.value);
    }
    this.outboxBacklog.set(backlog.outboxBacklog);
    this.outboxAge.set(backlog.outboxOldestAgeMs / 1000);
    this.deadLetters.set(backlog.deadLettersPending);
    this.lastRefresh.set(Date.now() / 1000);
    return alerts;
  }
}
