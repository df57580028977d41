export * from './common.schema';
export * from './inbound-message.schema';
export * from './outbound-reply.schema';
export * from './dead-letter.schema';
export * from './codec';
export * from './headers';
export * from './topics';
export * from './support-form.schema';
