export * from './egress-web.worker';
