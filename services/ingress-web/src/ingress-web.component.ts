import { join } from 'node:path';
import { express } from '@cs/http';
import type { Infrastructure, ServiceComponent } from '@cs/runtime';
import type { IngressWebEnv } from './ingress-web.env';
import { createSupportFormRouter } from './support-form.router';

/** The web form's static page lives in the web-form workspace. */
export const WEB_FORM_PUBLIC_DIR = join(__dirname, '..', '..', '..', 'web-form', 'public');

export async function startIngressWeb(infra: Infrastructure, env: IngressWebEnv): Promise<ServiceComponent> {
  const router = express.Router();
  router.use(
    createSupportFormRouter({
      db: infra.db,
      relay: infra.relay,
      publicBaseUrl: env.PUBLIC_BASE_URL.replace(/\/$/, ''),
      rateLimits: { perIpPerMinute: env.RATE_LIMIT_PER_IP_PER_MINUTE, perEmailPerHour: env.RATE_LIMIT_PER_EMAIL_PER_HOUR },
    }),
  );
  router.use(express.static(WEB_FORM_PUBLIC_DIR, { index: 'index.html', maxAge: '5m' }));
  return { router, stop: async () => undefined };
}
