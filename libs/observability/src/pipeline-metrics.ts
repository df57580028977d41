import type { Counter, Histogram, Registry } from 'prom-client';
import { counter, histogram } from './metrics';

/**
 * The pipeline's metric names, defined once so every service that records them agrees (and a second registration
 * returns the same metric). Labels carry bounded values only: topic, channel, outcome, reason, tool; never an id.
 */

/** What createReliableHandler records: attempts after the first, and events it dead-lettered. */
export function consumerMetrics(registry: Registry): { retries: Counter; deadLetters: Counter } {
  return {
    retries: counter(registry, 'consumer_retries_total', 'Handler retries', ['topic']),
    deadLetters: counter(registry, 'dlq_published_total', 'Events dead-lettered', ['topic', 'code']),
  };
}

/**
 * Every egress counts its provider calls here: `egress_sends_total{channel, outcome}`, outcome being what the
 * provider said (`sent`, `duplicate`, `rate_limited`, `rejected`, `failed`, ...): one name across channels.
 */
export function egressSendsCounter(registry: Registry): Counter {
  return counter(registry, 'egress_sends_total', 'Replies handed to a provider, by outcome', ['channel', 'outcome']);
}

/** Model calls take seconds, not milliseconds: buckets up to two minutes. */
export const AGENT_LATENCY_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 8, 13, 20, 30, 60, 120];

export interface AgentMetrics {
  decisions: Counter;
  latency: Histogram;
  toolCalls: Counter;
  escalations: Counter;
}

export function agentMetrics(registry: Registry): AgentMetrics {
  return {
    decisions: counter(registry, 'agent_decisions_total', 'Agent runs by outcome (answered, escalated, failed)', ['channel', 'action']),
    latency: histogram(registry, 'agent_decision_duration_seconds', 'Time the agent took to decide on one message', ['channel'], AGENT_LATENCY_BUCKETS),
    toolCalls: counter(registry, 'agent_tool_calls_total', 'Tool calls the agent made', ['tool']),
    escalations: counter(registry, 'escalations_total', 'Messages escalated to a human, by reason', ['channel', 'reason']),
  };
}
