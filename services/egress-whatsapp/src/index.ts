export * from './egress-whatsapp.worker';
