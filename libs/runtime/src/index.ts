export * from './graceful-shutdown';
export * from './infrastructure';
export * from './runtime.env';
export * from './run-service';
export * from './egress-consumer';
