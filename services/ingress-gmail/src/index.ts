export * from './gmail-mailbox-sync';
export * from './gmail-push.router';
export * from './gmail-watch.scheduler';
export * from './ingress-gmail.component';
