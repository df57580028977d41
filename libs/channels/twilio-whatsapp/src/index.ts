export * from './twilio-whatsapp.env';
export * from './parse-twilio-error';
export * from './twilio-messages.client';
export * from './twilio-signature';
export * from './twilio-webhook.schema';
export * from './whatsapp-delivery.repository';
export * from './whatsapp-inbound.mapper';
export * from './whatsapp-reply.sender';
