export * from './ingress-whatsapp.component';
export * from './whatsapp-webhook.router';
