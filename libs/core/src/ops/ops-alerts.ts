import { CHANNELS, type Channel } from '@cs/contracts';
import type { ChannelFigures, ChannelMetricsReport } from './channel-metrics.query';

export const ALERT_NAMES = ['first_response_p95', 'escalation_rate', 'dlq_growth'] as const;
export type AlertName = (typeof ALERT_NAMES)[number];

export interface AlertThresholds {
  /** p95 of inbound received → first reply delivered, in ms. */
  firstResponseP95Ms: number;
  /** Escalations over agent decisions, 0 … 1. */
  escalationRate: number;
  /** Dead letters allowed in the window before the alert fires; 0 = any growth. */
  deadLetterGrowth: number;
}

export const DEFAULT_ALERT_THRESHOLDS: AlertThresholds = { firstResponseP95Ms: 3000, escalationRate: 0.25, deadLetterGrowth: 0 };

export interface AlertState {
  alert: AlertName;
  scope: Channel | 'total';
  /** The measured value; null when there was nothing to measure (no replies, no decisions). */
  value: number | null;
  threshold: number;
  firing: boolean;
}

/** Evaluates every threshold for the total and for each channel: a value above its threshold fires. */
export function evaluateAlerts(report: ChannelMetricsReport, thresholds: AlertThresholds): AlertState[] {
  const scopes: Array<[Channel | 'total', ChannelFigures]> = [['total', report.total], ...CHANNELS.map((c) => [c, report.channels[c]] as [Channel, ChannelFigures])];
  return scopes.flatMap(([scope, figures]) => [
    state('first_response_p95', scope, figures.firstResponseMs.p95, thresholds.firstResponseP95Ms),
    state('escalation_rate', scope, figures.escalations.rate, thresholds.escalationRate),
    state('dlq_growth', scope, figures.deadLetters, thresholds.deadLetterGrowth),
  ]);
}

function state(alert: AlertName, scope: Channel | 'total', value: number | null, threshold: number): AlertState {
  return { alert, scope, value, threshold, firing: value !== null && value > threshold };
}
