import { AppError } from '@cs/domain';
import type { OutgoingMessage } from './event-bus.port';

/** Error codes the bus raises itself (adapters add their vendor's in their own folder). */
export const BUS_ERROR = {
  closed: 'BUS_CLOSED',
  unknownTopic: 'BUS_UNKNOWN_TOPIC',
  invalidRequest: 'BUS_INVALID_REQUEST',
  publishFailed: 'BUS_PUBLISH_FAILED',
} as const;

/** Caller mistakes: retrying the same call cannot help. */
export function invalidBusRequest(message: string): AppError {
  return new AppError(BUS_ERROR.invalidRequest, message, { retriable: false });
}

/** Checks what both adapters require of a subscription, so they fail the same way. */
export function assertValidSubscription(groupId: string, topics: string[]): void {
  if (!groupId) throw invalidBusRequest('subscribe: groupId must be a non-empty string');
  if (topics.length === 0 || topics.some((t) => !t)) throw invalidBusRequest('subscribe: topics must be non-empty names');
}

/** Every message needs a string key: it picks the partition, and so the ordering. */
export function assertValidPublish(topic: string, messages: OutgoingMessage[]): void {
  if (!topic) throw invalidBusRequest('publish: topic must be a non-empty name');
  if (messages.some((m) => typeof m.key !== 'string')) throw invalidBusRequest(`publish to ${topic}: every message needs a string key`);
}
