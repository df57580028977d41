import type { TwilioWhatsappEnv } from '@cs/channel-twilio-whatsapp';
import type { Infrastructure, ServiceComponent } from '@cs/runtime';
import { createWhatsappWebhookRouter } from './whatsapp-webhook.router';

/** The WhatsApp ingress. Without TWILIO_AUTH_TOKEN no request can be verified, so nothing is mounted. */
export async function startIngressWhatsapp(infra: Infrastructure, env: TwilioWhatsappEnv): Promise<ServiceComponent> {
  const logger = infra.logger.child({ component: 'ingress-whatsapp' });
  if (!env.TWILIO_AUTH_TOKEN) {
    logger.info('WhatsApp channel not configured (TWILIO_AUTH_TOKEN); POST /webhooks/whatsapp is not mounted');
    return { stop: async () => undefined };
  }
  if (!env.TWILIO_WEBHOOK_BASE_URL) logger.warn('TWILIO_WEBHOOK_BASE_URL is not set: signatures are checked against the URL rebuilt from each request');
  const router = createWhatsappWebhookRouter({ db: infra.db, relay: infra.relay, authToken: env.TWILIO_AUTH_TOKEN, publicBaseUrl: env.TWILIO_WEBHOOK_BASE_URL });
  return { router, stop: async () => undefined };
}
