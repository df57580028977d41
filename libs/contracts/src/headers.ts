import type { Channel } from './common.schema';
import { TOPICS, type TopicName } from './topics';

/** Kafka header names carried by every event. */
export const HEADERS = {
  correlationId: 'x-correlation-id',
  eventId: 'x-event-id',
  schema: 'x-schema',
  attempt: 'x-attempt',
} as const;

export function outboundTopicFor(channel: Channel): TopicName {
  switch (channel) {
    case 'email':
      return TOPICS.outboundEmail;
    case 'whatsapp':
      return TOPICS.outboundWhatsapp;
    case 'web_form':
      return TOPICS.outboundWeb;
  }
}
