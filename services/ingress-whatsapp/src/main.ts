import { twilioWhatsappEnv } from '@cs/channel-twilio-whatsapp';
import { runService, serviceEnvSchema } from '@cs/runtime';
import { startIngressWhatsapp } from './ingress-whatsapp.component';

/** On its own the service needs the auth token: without it every webhook would be refused. */
const env = serviceEnvSchema(3105, twilioWhatsappEnv).refine((e) => Boolean(e.TWILIO_AUTH_TOKEN), { path: ['TWILIO_AUTH_TOKEN'], message: 'is required' });

void runService({ name: 'ingress-whatsapp', env, busCriticalForReadiness: false, start: startIngressWhatsapp });
