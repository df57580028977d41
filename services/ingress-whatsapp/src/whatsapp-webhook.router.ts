import {
  applyWhatsappStatus,
  deliveryStatusOf,
  isValidTwilioSignature,
  publicWebhookUrl,
  toInboundMessage,
  twilioInboundSchema,
  twilioStatusSchema,
  webhookTwiml,
  whatsappAttachments,
} from '@cs/channel-twilio-whatsapp';
import { ContractViolationError } from '@cs/contracts';
import { ingestMessage, type IngestDeps } from '@cs/core';
import { express } from '@cs/http';

export interface WhatsappWebhookRouterOptions extends IngestDeps {
  authToken: string;
  /** The public base URL Twilio calls; undefined to rebuild it from the request (trusted proxies only). */
  publicBaseUrl?: string;
}

/**
 * POST /webhooks/whatsapp (incoming messages) and POST /webhooks/whatsapp/status (delivery callbacks). Every request
 * must carry a valid X-Twilio-Signature for the URL Twilio called; the message is durable before the 200.
 */
export function createWhatsappWebhookRouter(options: WhatsappWebhookRouterOptions): express.Router {
  const router = express.Router();
  const form = express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 200 });
  const signed: express.RequestHandler = (req, res, next) => {
    const url = publicWebhookUrl(options.publicBaseUrl, { protocol: req.protocol, host: req.get('host'), originalUrl: req.originalUrl });
    if (!isValidTwilioSignature(options.authToken, req.get('x-twilio-signature'), url, (req.body ?? {}) as Record<string, unknown>)) {
      req.log.warn({ url }, 'WhatsApp webhook with an invalid Twilio signature rejected');
      res.status(403).type('text/plain').send('invalid signature');
      return;
    }
    next();
  };

  router.post('/webhooks/whatsapp', form, signed, async (req, res, next) => {
    const parsed = twilioInboundSchema.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).type('text/plain').send('not a WhatsApp message');
      return;
    }
    try {
      const attachments = whatsappAttachments(req.body as Record<string, unknown>, parsed.data.NumMedia);
      const event = toInboundMessage(parsed.data, attachments, { correlationId: req.id, receivedAt: new Date() });
      const { duplicate } = await ingestMessage(options, event);
      res.status(200).type('text/xml').send(webhookTwiml({ acknowledgeMedia: duplicate ? [] : attachments }));
    } catch (err) {
      if (err instanceof ContractViolationError) {
        res.status(400).type('text/plain').send('invalid WhatsApp message');
        return;
      }
      next(err);
    }
  });

  router.post('/webhooks/whatsapp/status', form, signed, async (req, res, next) => {
    const parsed = twilioStatusSchema.safeParse(req.body);
    const status = parsed.success ? deliveryStatusOf(parsed.data.MessageStatus) : undefined;
    if (!parsed.success || !status) {
      res.status(204).end();
      return;
    }
    const part = Number(req.query.part);
    try {
      await applyWhatsappStatus(options.db, {
        messageSid: parsed.data.MessageSid,
        status,
        errorCode: parsed.data.ErrorCode,
        ...(typeof req.query.reply === 'string' && Number.isInteger(part) && part >= 0 ? { replyEventId: req.query.reply, partIndex: part } : {}),
      });
      res.status(204).end();
    } catch (err) {
      next(err);
    }
  });
  return router;
}
