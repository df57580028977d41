export * from './egress-email.worker';
