import { runService } from '@cs/runtime';
import { startIngressGmail } from './ingress-gmail.component';
import { ingressGmailEnvSchema } from './ingress-gmail.env';

void runService({ name: 'ingress-gmail', env: ingressGmailEnvSchema, busCriticalForReadiness: false, start: (infra, env) => startIngressGmail(infra, env) });
