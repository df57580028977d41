export * from './customer-agent.port';
export * from './event-bus.port';
export * from './sql-client.port';
