import { twilioWhatsappEnv } from '@cs/channel-twilio-whatsapp';
import { pipelineEnv, runService, serviceEnvSchema } from '@cs/runtime';
import { startEgressWhatsapp } from './egress-whatsapp.worker';

void runService({ name: 'egress-whatsapp', env: serviceEnvSchema(3106, { ...pipelineEnv, ...twilioWhatsappEnv }), start: (infra, env) => startEgressWhatsapp(infra, env) });
