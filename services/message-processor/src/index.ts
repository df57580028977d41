export * from './message-processor.worker';
