import { agentEnv, createCustomerAgent } from '@cs/agent';
import { pipelineEnv, runService, serviceEnvSchema } from '@cs/runtime';
import { startMessageProcessor } from './message-processor.worker';

void runService({
  name: 'message-processor',
  env: serviceEnvSchema(3101, { ...pipelineEnv, ...agentEnv }),
  async start(infra, env) {
    const agent = await createCustomerAgent({ db: infra.db, env, logger: infra.logger.child({ component: 'agent' }) });
    return startMessageProcessor(infra, env, agent);
  },
});
