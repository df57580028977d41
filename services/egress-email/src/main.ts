import { gmailEnv } from '@cs/channel-gmail';
import { pipelineEnv, runService, serviceEnvSchema } from '@cs/runtime';
import { startEgressEmail } from './egress-email.worker';

void runService({ name: 'egress-email', env: serviceEnvSchema(3104, { ...pipelineEnv, ...gmailEnv }), start: (infra, env) => startEgressEmail(infra, env) });
