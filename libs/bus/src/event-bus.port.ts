/**
 * The event bus port is defined once, in @cs/ports (use cases depend on it without depending on an adapter);
 * this lib implements it and re-exports it so its callers need one import.
 */
export type { BusMessage, EventBus, HandlerContext, MessageHandler, OutgoingMessage, StopOptions, SubscribeOptions, Subscription } from '@cs/ports';
