import { decodeGmailPush, PushAuthError, type PubSubPushVerifier } from '@cs/channel-gmail';
import { classifyError } from '@cs/domain';
import { express, jsonBody } from '@cs/http';
import type { SyncReport } from './gmail-mailbox-sync';

export interface GmailPushRouterOptions {
  verifier: PubSubPushVerifier;
  sync: { sync(historyId: string): Promise<SyncReport> };
  mailbox: string;
}

/**
 * POST /webhooks/gmail, the Pub/Sub push endpoint. The OIDC token is verified before the body is read; the 2xx is
 * sent only after the new messages are durable, so anything else makes Pub/Sub deliver the push again.
 */
export function createGmailPushRouter(options: GmailPushRouterOptions): express.Router {
  const router = express.Router();
  const authenticate: express.RequestHandler = async (req, res, next) => {
    try {
      await options.verifier.verify(req.get('authorization'));
      next();
    } catch (err) {
      if (err instanceof PushAuthError) {
        req.log.warn({ code: err.code }, 'Gmail push rejected');
        res.status(err.status).json({ error: err.code, message: err.message });
        return;
      }
      req.log.error({ err }, 'Gmail push could not be verified');
      res.status(503).json({ error: 'verification_unavailable', message: 'Try again later' });
    }
  };

  router.post('/webhooks/gmail', authenticate, ...jsonBody('64kb'), async (req, res) => {
    const push = decodeGmailPush(req.body);
    // A verified push we cannot use is acknowledged: redelivering it would never help.
    if (!push.ok || push.notification.emailAddress !== options.mailbox) {
      req.log.warn({ reason: push.ok ? 'another mailbox' : push.reason }, 'Gmail push ignored');
      res.status(204).end();
      return;
    }
    try {
      const report = await options.sync.sync(push.notification.historyId);
      req.log.info({ pubsubMessageId: push.messageId, historyId: push.notification.historyId, ...report }, 'Gmail push handled');
      res.status(204).end();
    } catch (err) {
      const error = classifyError(err);
      req.log.error({ err, code: error.code }, 'Gmail sync failed; Pub/Sub will push again');
      res.status(error.retriable ? 503 : 500).json({ error: error.code, message: 'The mailbox could not be synchronized' });
    }
  });
  return router;
}
