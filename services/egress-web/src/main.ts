import { pipelineEnv, runService, serviceEnvSchema } from '@cs/runtime';
import { startEgressWeb } from './egress-web.worker';

void runService({ name: 'egress-web', env: serviceEnvSchema(3102, pipelineEnv), start: startEgressWeb });
