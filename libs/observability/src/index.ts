export * from './logger';
export * from './metrics';
export * from './health';
export * from './log-context';
export * from './pipeline-metrics';
