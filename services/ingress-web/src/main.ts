import { runService, serviceEnvSchema } from '@cs/runtime';
import { ingressWebEnv } from './ingress-web.env';
import { startIngressWeb } from './ingress-web.component';

void runService({ name: 'ingress-web', env: serviceEnvSchema(3100, ingressWebEnv), busCriticalForReadiness: false, start: startIngressWeb });
