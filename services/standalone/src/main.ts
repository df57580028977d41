import { agentEnv, createCustomerAgent } from '@cs/agent';
import { gmailIngressEnv } from '@cs/channel-gmail';
import { twilioWhatsappEnv } from '@cs/channel-twilio-whatsapp';
import { startEgressEmail } from '@cs/egress-email';
import { startEgressWeb } from '@cs/egress-web';
import { startEgressWhatsapp } from '@cs/egress-whatsapp';
import { express } from '@cs/http';
import { startIngressGmail } from '@cs/ingress-gmail';
import { ingressWebEnv, startIngressWeb } from '@cs/ingress-web';
import { startIngressWhatsapp } from '@cs/ingress-whatsapp';
import { startMessageProcessor } from '@cs/message-processor';
import { opsApiEnv, startOpsApi } from '@cs/ops-api';
import { pipelineEnv, runService, serviceEnvSchema } from '@cs/runtime';

/**
 * `npm start`: every service in one process. Without DATABASE_URL and KAFKA_BROKERS it runs on PGlite under ./.data and
 * the in-process bus; with them, on the real infrastructure. The use cases are the same either way. Gmail and WhatsApp
 * webhooks are mounted when their credentials are configured; without them, replies on those channels are recorded
 * under DATA_DIR/sent instead of sent.
 */
void runService({
  name: 'standalone',
  env: serviceEnvSchema(3000, { ...pipelineEnv, ...ingressWebEnv, ...agentEnv, ...gmailIngressEnv, ...twilioWhatsappEnv, ...opsApiEnv }),
  allowInMemoryBus: true,
  async start(infra, env) {
    const ingress = await startIngressWeb(infra, env);
    const gmail = await startIngressGmail(infra, env);
    const whatsapp = await startIngressWhatsapp(infra, env);
    // The embedded mode answers from the shipped knowledge base, ingested (unchanged articles skipped) at start.
    const agent = await createCustomerAgent({ db: infra.db, env, logger: infra.logger.child({ component: 'agent' }), ingestOnStart: true });
    const processor = await startMessageProcessor(infra, env, agent);
    const egress = [await startEgressWeb(infra, env), await startEgressEmail(infra, env), await startEgressWhatsapp(infra, env)];
    // The ops API and its dashboard at /ops/ (without OPS_API_TOKEN: local requests only).
    const ops = await startOpsApi(infra, env);
    const router = express.Router();
    for (const component of [gmail, whatsapp, ingress, ops]) if (component.router) router.use(component.router);
    return {
      router,
      async stop() {
        for (const component of [ingress, gmail, whatsapp, ops]) await component.stop();
        await processor.stop();
        for (const worker of egress) await worker.stop();
      },
    };
  },
});
