export * from './ingress-web.component';
export * from './ingress-web.env';
export * from './support-form.router';
