export * from './escalation-notice';
export * from './message-cleanup';
export * from './output-guardrail';
export * from './policy-gate';
export * from './sentiment-score';
export * from './trigger-rules';
export * from './knowledge-gap';
