import { agentEnv, createCustomerAgent } from '@cs/agent';
import { startEgressWeb } from '@cs/egress-web';
import { express } from '@cs/http';
import { ingressWebEnv, startIngressWeb } from '@cs/ingress-web';
import { startMessageProcessor } from '@cs/message-processor';
import { pipelineEnv, runService, serviceEnvSchema } from '@cs/runtime';

/**
 * `npm start`: every service in one process. Without DATABASE_URL and KAFKA_BROKERS it runs on PGlite under ./.data and
 * the in-process bus; with them, on the real infrastructure. The use cases are the same either way.
 */
void runService({
  name: 'standalone',
  env: serviceEnvSchema(3000, { ...pipelineEnv, ...ingressWebEnv, ...agentEnv }),
  allowInMemoryBus: true,
  async start(infra, env) {
    const ingress = await startIngressWeb(infra, env);
    // The embedded mode answers from the shipped knowledge base, ingested (unchanged articles skipped) at start.
    const agent = await createCustomerAgent({ db: infra.db, env, logger: infra.logger.child({ component: 'agent' }), ingestOnStart: true });
    const processor = await startMessageProcessor(infra, env, agent);
    const egress = await startEgressWeb(infra, env);
    const router = express.Router();
    if (ingress.router) router.use(ingress.router);
    return {
      router,
      async stop() {
        await ingress.stop();
        await processor.stop();
        await egress.stop();
      },
    };
  },
});
