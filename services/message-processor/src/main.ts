import { FirstResponseAgent } from '@cs/agent';
import { pipelineEnv, runService, serviceEnvSchema } from '@cs/runtime';
import { startMessageProcessor } from './message-processor.worker';

void runService({
  name: 'message-processor',
  env: serviceEnvSchema(3101, pipelineEnv),
  start: (infra, env) => startMessageProcessor(infra, env, new FirstResponseAgent()),
});
