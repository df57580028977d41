/** Kafka topic names. The contracts lib owns them; nothing else spells a topic. */
export const TOPICS = {
  inbound: 'cs.inbound.v1',
  outboundEmail: 'cs.outbound.email.v1',
  outboundWhatsapp: 'cs.outbound.whatsapp.v1',
  outboundWeb: 'cs.outbound.web.v1',
  deadLetter: 'cs.dlq.v1',
} as const;

export type TopicName = (typeof TOPICS)[keyof typeof TOPICS];

/** Partition counts; the inbound topic bounds how far message-processor can scale out. */
export const TOPIC_PARTITIONS: Record<TopicName, number> = {
  [TOPICS.inbound]: 12,
  [TOPICS.outboundEmail]: 6,
  [TOPICS.outboundWhatsapp]: 6,
  [TOPICS.outboundWeb]: 6,
  [TOPICS.deadLetter]: 3,
};
